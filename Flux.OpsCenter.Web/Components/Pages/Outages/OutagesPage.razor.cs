using Flux.OpsCenter.Data.Analysis.Reliability;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Components.Map;
using Flux.OpsCenter.Web.Components.Panels;
using Flux.OpsCenter.Web.Live;
using Microsoft.AspNetCore.Components;

namespace Flux.OpsCenter.Web.Components.Pages.Outages;

/// <summary>
/// Outage management: the active outages live from the status feed (predicted and confirmed, with stage, ETR and crew),
/// their areas on the map, one outage's lifecycle steps beside them, what waits for verification, and the history.
/// </summary>
public sealed partial class OutagesPage
{
    private const double BoxMarginDegrees = 0.02;
    private const int AwaitingLimit = 50;
    private readonly PanelLoad<string, OutagesContext> _context = new();
    private readonly PanelLoad<string, IReadOnlyList<Outage>> _awaiting = new();
    private IReadOnlyList<MapMarker> _areas = [];
    private GeoBox? _box;
    private string? _selectedId;
    private int _stepsTaken;

    [Inject]
    private OutageQueries OutageQueries { get; set; } = default!;

    [Inject]
    private OutageWorkflow Workflow { get; set; } = default!;

    [Inject]
    private ReliabilityService Reliability { get; set; } = default!;

    // "Now" is the data's own clock, so a stale embedded file still shows sensible durations; the server's if unknown.
    private DateTimeOffset Now => Live?.Kpis?.AsOf ?? _context.Value?.AsOf ?? Clock.GetUtcNow();

    protected override Task OnInitializedAsync()
    {
        if (Live is { } live)
        {
            Frame(live.ActiveOutages);
        }

        return Task.WhenAll(Loads.LoadAsync(_context, ContextAsync), LoadAwaitingAsync());
    }

    protected override void OnLiveChanged(GridStatusSnapshot? previous, GridStatusSnapshot current)
    {
        if (previous is null || !ReferenceEquals(previous.ActiveOutages, current.ActiveOutages))
        {
            Frame(current.ActiveOutages);
        }

        // An outage that left the active list may now wait for verification. The load reports its own failures to the
        // panel and the error boundary, so nothing is lost by not awaiting it here.
        if (AwaitingKey() != _awaiting.Key)
        {
            _ = LoadAwaitingAsync();
        }
    }

    private Task<bool> LoadAwaitingAsync() =>
        Loads.LoadAsync(_awaiting, AwaitingKey(), (_, cancellationToken) => Workflow.GetAwaitingVerificationAsync(AwaitingLimit, cancellationToken));

    // Reloaded when the set of active outages changes (that is when one gets restored) and after a step taken here.
    private string AwaitingKey() => string.Join(',', Live?.ActiveOutages.Select(o => o.OutageId) ?? []) + "|" + _stepsTaken;

    private void Select(string? outageId) => _selectedId = outageId;

    private async Task SteppedAsync()
    {
        _stepsTaken++;
        await LoadAwaitingAsync();
    }

    // What the step panel reloads on: any change to the outage's live row (stage, crew, ETR, customers).
    private string Version(string outageId) =>
        Live?.ActiveOutages.FirstOrDefault(o => o.OutageId == outageId) is { } outage
            ? $"{outage.Stage}|{outage.CrewId}|{outage.EstimatedRestoration?.UtcTicks}|{outage.EtrSource}|{outage.CustomersAffected}"
            : "inactive";

    private async Task<OutagesContext> ContextAsync(CancellationToken cancellationToken) =>
        new((await Reliability.GetClockAsync(cancellationToken)).AsOf, await OutageQueries.GetOutageCausesAsync(cancellationToken));

    private void Frame(IReadOnlyList<Outage> outages)
    {
        // Frame every active outage with a margin; with none the map shows the whole territory.
        _box = outages.Count == 0 ? null : new GeoBox(
            outages.Min(o => o.Longitude) - BoxMarginDegrees, outages.Min(o => o.Latitude) - BoxMarginDegrees,
            outages.Max(o => o.Longitude) + BoxMarginDegrees, outages.Max(o => o.Latitude) + BoxMarginDegrees);
        _areas = [.. outages.Select(MapMarker.ForOutage)];
    }

    private string RowClass(Outage outage) =>
        (JustChanged.Contains(outage.OutageId) ? "flux-changed" : "") + (outage.OutageId == _selectedId ? " flux-selected" : "");

    private string Duration(Outage outage)
    {
        var minutes = Math.Max(0, outage.DurationMinutes(Now));
        return minutes >= 60 ? $"{(int)(minutes / 60)} h {(int)(minutes % 60):00} min" : $"{minutes:0} min";
    }

    private static string Label(string code) => code.Replace('_', ' ').ToLowerInvariant();

    private sealed record OutagesContext(DateTimeOffset AsOf, IReadOnlyList<string> Causes);
}
