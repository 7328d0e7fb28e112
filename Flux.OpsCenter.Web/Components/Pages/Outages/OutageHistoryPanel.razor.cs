using System.Globalization;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Components.Panels;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Flux.OpsCenter.Web.Components.Pages.Outages;

/// <summary>The filtered outage history, paged on the server, with a streamed CSV export of every matching event.</summary>
public sealed partial class OutageHistoryPanel
{
    private MudDataGrid<Outage>? _grid;
    private DateTime? _from;
    private DateTime? _to;
    private string? _substation;
    private string? _feeder;
    private string? _cause;
    private OutageKind _kind = OutageKind.All;
    private readonly PanelLoad<HistoryPage, ListPage<Outage>> _page = new();
    private string? _rangeError;

    [Inject]
    private OutageQueries Queries { get; set; } = default!;

    /// <summary>Causes on record, for the cause filter.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<string> Causes { get; set; }

    /// <summary>The data's "now": the default range is the 30 days before it.</summary>
    [Parameter, EditorRequired]
    public required DateTimeOffset DefaultTo { get; set; }

    private DateTimeOffset FromInstant => new(DateTime.SpecifyKind((_from ?? DefaultTo.UtcDateTime.Date.AddDays(-30)).Date, DateTimeKind.Utc));

    private DateTimeOffset ToInstant => new(DateTime.SpecifyKind((_to ?? DefaultTo.UtcDateTime.Date).Date.AddDays(1), DateTimeKind.Utc));

    private OutageHistoryFilter Filter => new(FromInstant, ToInstant, _substation, _feeder, _cause, _kind);

    private string ExportHref =>
        $"/api/export/outages/history.csv?from={FromInstant:yyyy-MM-dd}&to={ToInstant.AddDays(-1):yyyy-MM-dd}&kind={_kind.ToString().ToLowerInvariant()}"
        + Optional("substation", _substation) + Optional("feeder", _feeder) + Optional("cause", _cause);

    private async Task<GridData<Outage>> LoadPageAsync(GridState<Outage> state, CancellationToken cancellationToken)
    {
        _rangeError = ToInstant <= FromInstant ? "The range must end on or after its start." : null;
        if (_rangeError is not null)
        {
            return new GridData<Outage> { Items = [], TotalItems = 0 };
        }

        return await Loads.LoadGridPageAsync(_page, new HistoryPage(Filter, state.Page * state.PageSize, state.PageSize),
            (page, ct) => Queries.GetOutageHistoryPageAsync(page.Filter, page.Offset, page.Limit, ct));
    }

    private Task FromChangedAsync(DateTime? value) => ReloadAsync(() => _from = value);

    private Task ToChangedAsync(DateTime? value) => ReloadAsync(() => _to = value);

    private Task SubstationChangedAsync(string? value) => ReloadAsync(() => _substation = value);

    private Task FeederChangedAsync(string? value) => ReloadAsync(() => _feeder = value);

    private Task CauseChangedAsync(string? value) => ReloadAsync(() => _cause = value);

    private Task KindChangedAsync(OutageKind value) => ReloadAsync(() => _kind = value);

    private Task ReloadAsync(Action change)
    {
        change();
        return _grid?.ReloadServerData() ?? Task.CompletedTask;
    }

    private static string Optional(string name, string? value) =>
        string.IsNullOrWhiteSpace(value) ? "" : $"&{name}={Uri.EscapeDataString(value.Trim())}";

    private static string Duration(Outage outage) =>
        outage.EndTime is { } end ? $"{outage.DurationMinutes(end).ToString("0.0", CultureInfo.CurrentCulture)} min" : "active";

    private static string Kind(Outage outage) => outage.EndTime switch
    {
        null => "active",
        { } end when outage.IsMomentary || outage.DurationMinutes(end) <= 5 => "momentary",
        _ => "sustained",
    };

    private sealed record HistoryPage(OutageHistoryFilter Filter, int Offset, int Limit);
}
