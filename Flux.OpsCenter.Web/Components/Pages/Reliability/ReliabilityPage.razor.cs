using System.Globalization;
using Flux.OpsCenter.Data.Analysis.Reliability;
using Flux.OpsCenter.Web.Clock;
using Flux.OpsCenter.Web.Components.Charts;
using Flux.OpsCenter.Web.Components.Layout;
using Flux.OpsCenter.Web.Components.Panels;
using Microsoft.AspNetCore.Components;
using MudBlazor.Utilities;

namespace Flux.OpsCenter.Web.Components.Pages.Reliability;

public sealed partial class ReliabilityPage
{
    // The texts as entered resolve to a period and scope; every panel is keyed by that selection, so a new scope shows
    // loading rather than the previous scope's figures labelled stale.
    private readonly PanelLoad<RequestTexts, ReliabilityRequest> _request = new();
    private readonly PanelLoad<Selection, ReliabilityReport> _report = new();
    private readonly PanelLoad<Selection, ReliabilityReport> _previous = new();
    private readonly PanelLoad<Selection, IReadOnlyList<MonthlyReliability>> _monthly = new();
    private readonly PanelLoad<Selection, IReadOnlyList<CauseReliability>> _causes = new();
    private readonly PanelLoad<WorstKey, IReadOnlyList<FeederReliability>> _worst = new();
    private DateTime? _fromDate;
    private DateTime? _toDate;
    private string? _scopeText;
    private string? _fromError;
    private string? _toError;
    private string? _scopeError;
    private bool _excludeMajorEvents = true;
    private ReliabilityPeriod? _period;
    private ReliabilityScope? _scope;

    [Inject]
    private UtilityTime Time { get; set; } = default!;

    [Inject]
    private ReliabilityService Service { get; set; } = default!;

    /// <summary>Start of the period from the address, ISO 8601.</summary>
    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    /// <summary>End of the period from the address, ISO 8601 (a date includes that day).</summary>
    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    /// <summary>Scope from the address: system, region:NAME, substation:ID or feeder:ID.</summary>
    [SupplyParameterFromQuery(Name = "scope")]
    public string? Scope { get; set; }

    private const string ComparisonTitle = "Compared with the previous period";

    private string WorstFeedersTitle => $"Worst-performing feeders · CEMI-{Options.MinInterruptions} and CELID-{Options.LongHours:0}h";

    private WorstFeederOptions Options => new(ExcludeMajorEvents: _excludeMajorEvents);

    protected override Task OnInitializedAsync()
    {
        _scopeText = Scope;
        return LoadAsync(From, To, Scope);
    }

    // The pickers hold the utility's calendar days: a day runs from local midnight to local midnight, sent as UTC instants.
    private Task ApplyAsync() =>
        LoadAsync(_fromDate is { } from ? Iso(Time.FromLocal(from.Date)) : null, _toDate is { } to ? Iso(Time.FromLocal(to.Date.AddDays(1))) : null, _scopeText);

    private Task LastTwelveMonthsAsync() => LoadAsync(null, null, _scopeText);

    private Task ExcludeMajorEventsChangedAsync(bool value)
    {
        _excludeMajorEvents = value;
        return LoadWorstAsync();
    }

    // The indices panel speaks for the request too: its failure (the clock or the scope check) is the first thing to say.
    private IPanelLoad IndicesLoad => _request.State == PanelState.Failed ? _request : _report;

    private async Task LoadAsync(string? from, string? to, string? scope)
    {
        if (!await Loads.LoadAsync(_request, new RequestTexts(from, to, scope), (texts, ct) => ReliabilityRequest.ResolveAsync(Service, texts.From, texts.To, texts.Scope, ct))
            || _request.Value is not { } request)
        {
            return;
        }

        (_fromError, _toError, _scopeError) = (request.Errors.GetValueOrDefault("from"), request.Errors.GetValueOrDefault("to"), request.Errors.GetValueOrDefault("scope"));
        if (!request.IsValid)
        {
            return;
        }

        (_period, _scope) = (request.Period, request.Scope);
        (_fromDate, _toDate) = (Time.ToLocal(request.Period.From).Date, Time.ToLocal(request.Period.To.AddTicks(-1)).Date);
        // Every panel of the new selection starts at once (so none shows the previous scope beside the new one) and
        // they share one Major Event Day threshold query.
        var selection = new Selection(request.Period, request.Scope);
        var threshold = Service.GetThresholdAsync(selection.Period.From, Loads.Token);
        await Task.WhenAll(
            Loads.LoadAsync(_report, selection, async (s, ct) => await Service.GetReportAsync(s.Period, s.Scope, await threshold.WaitAsync(ct), ct)),
            Loads.LoadAsync(_monthly, selection, async (s, ct) => await Service.GetMonthlyAsync(s.Period, s.Scope, await threshold.WaitAsync(ct), ct)),
            Loads.LoadAsync(_causes, selection, async (s, ct) => await Service.GetByCauseAsync(s.Period, s.Scope, await threshold.WaitAsync(ct), ct)),
            Loads.LoadAsync(_worst, new WorstKey(selection, Options), async (key, ct) =>
                await Service.GetWorstFeedersAsync(key.Selection.Period, key.Selection.Scope, await threshold.WaitAsync(ct), key.Options, ct)),
            Loads.LoadAsync(_previous, selection, (s, ct) => Service.GetReportAsync(s.Period.Previous(), s.Scope, ct)));
    }

    // The switch changes only the worst-feeder list; it reuses the threshold the indices were computed with.
    private Task LoadWorstAsync() =>
        _report is { Key: { } selection, Value: { } report }
            ? Loads.LoadAsync(_worst, new WorstKey(selection, Options), (key, ct) => Service.GetWorstFeedersAsync(key.Selection.Period, key.Selection.Scope, report.Threshold, key.Options, ct))
            : Task.CompletedTask;

    private string? ExportHref(string table)
    {
        if (_period is null || _scope is null)
        {
            return null;
        }

        var query = $"from={Uri.EscapeDataString(Iso(_period.From))}&to={Uri.EscapeDataString(Iso(_period.To))}&scope={Uri.EscapeDataString(_scope.ToString())}";
        return table == "worst-feeders"
            ? $"/api/export/reliability/{table}.csv?{query}&excludeMed={(_excludeMajorEvents ? "true" : "false")}"
            : $"/api/export/reliability/{table}.csv?{query}";
    }

    // The Overview tile shows the view's figure rounded to two decimals; round the same way before formatting.
    private static string Headline(double? value, string format, int digits) =>
        value is { } v ? Math.Round(v, digits, MidpointRounding.AwayFromZero).ToString(format, CultureInfo.CurrentCulture) : "–";

    private static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string ThresholdText(ReliabilityReport report)
    {
        var t = report.Threshold;
        var basis = $"{t.YearsOfData:0.00} years of daily system SAIDI ({t.BaselineFrom:yyyy-MM-dd} → {t.BaselineTo:yyyy-MM-dd}, {t.DaysWithInterruptions:N0} days with interruptions)";
        return t.Tmed is { } tmed
            ? $"Major Event Day threshold T_MED = exp(α + 2.5β) = {tmed:N2} min/day with α = {t.Alpha:N3}, β = {t.Beta:N3}, from {basis}. {report.MajorEventDays.Count} Major Event Day(s) in the period."
            : $"No Major Event Day threshold: too little history before the period ({basis}); every day counts as normal.";
    }

    private static IReadOnlyList<ChartSeries> TrendSeries(IReadOnlyList<MonthlyReliability> months) =>
    [
        new ChartSeries("SAIDI with MEDs", [.. months.Select(m => new ChartPoint(m.Month, Math.Round(m.All.Saidi ?? 0, 2)))], Hex(OpsCenterTheme.Theme.PaletteDark.Warning)),
        new ChartSeries("SAIDI without MEDs", [.. months.Select(m => new ChartPoint(m.Month, Math.Round(m.ExcludingMajorEvents.Saidi ?? 0, 2)))], Hex(OpsCenterTheme.Theme.PaletteDark.Info)),
    ];

    private static string Hex(MudColor color) => color.ToString(MudColorOutputFormats.Hex);

    private sealed record RequestTexts(string? From, string? To, string? Scope);

    private sealed record Selection(ReliabilityPeriod Period, ReliabilityScope Scope);

    private sealed record WorstKey(Selection Selection, WorstFeederOptions Options);
}
