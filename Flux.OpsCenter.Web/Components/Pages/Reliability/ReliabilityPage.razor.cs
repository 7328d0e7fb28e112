using System.Globalization;
using Flux.OpsCenter.Data.Analysis.Reliability;
using Flux.OpsCenter.Web.Components.Panels;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Flux.OpsCenter.Web.Components.Pages.Reliability;

public sealed partial class ReliabilityPage : IDisposable
{
    private readonly PanelData<ReliabilityReport> _report = new();
    private readonly PanelData<ReliabilityReport> _previous = new();
    private readonly PanelData<IReadOnlyList<MonthlyReliability>> _monthly = new();
    private readonly PanelData<IReadOnlyList<CauseReliability>> _causes = new();
    private readonly PanelData<IReadOnlyList<FeederReliability>> _worst = new();
    private CancellationTokenSource _load = new();
    private DateTime? _fromDate;
    private DateTime? _toDate;
    private string? _scopeText;
    private string? _fromError;
    private string? _toError;
    private string? _scopeError;
    private bool _excludeMajorEvents = true;
    private ReliabilityPeriod? _period;
    private ReliabilityScope? _scope;
    private MajorEventThreshold? _threshold;

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

    private Task ApplyAsync() =>
        LoadAsync(_fromDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), _toDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), _scopeText);

    private Task LastTwelveMonthsAsync() => LoadAsync(null, null, _scopeText);

    private async Task ExcludeMajorEventsChangedAsync(bool value)
    {
        _excludeMajorEvents = value;
        if (_period is not null && _scope is not null && _threshold is not null)
        {
            var (period, scope, threshold) = (_period, _scope, _threshold);
            await _worst.LoadAsync(t => Service.GetWorstFeedersAsync(period, scope, threshold, Options, t), _load.Token);
        }
    }

    private async Task LoadAsync(string? from, string? to, string? scope)
    {
        // A new filter cancels the previous load; its late results are ignored.
        await _load.CancelAsync();
        _load.Dispose();
        _load = new CancellationTokenSource();
        var token = _load.Token;
        ReliabilityRequest request;
        try
        {
            request = await ReliabilityRequest.ResolveAsync(Service, from, to, scope, token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return;
        }
        catch (Data.FluxDataException ex)
        {
            await _report.LoadAsync(_ => Task.FromException<ReliabilityReport>(ex), token);
            return;
        }

        (_fromError, _toError, _scopeError) = (request.Errors.GetValueOrDefault("from"), request.Errors.GetValueOrDefault("to"), request.Errors.GetValueOrDefault("scope"));
        if (!request.IsValid)
        {
            return;
        }

        (_period, _scope) = (request.Period, request.Scope);
        (_fromDate, _toDate) = (request.Period.From.UtcDateTime.Date, request.Period.To.AddTicks(-1).UtcDateTime.Date);
        var (period, scopeValue) = (request.Period, request.Scope);
        if (!await _report.LoadAsync(t => Service.GetReportAsync(period, scopeValue, t), token) || _report.Value is null || _report.State == PanelState.Stale)
        {
            return;
        }

        var threshold = _threshold = _report.Value.Threshold;
        StateHasChanged();
        await Task.WhenAll(
            _monthly.LoadAsync(t => Service.GetMonthlyAsync(period, scopeValue, threshold, t), token),
            _causes.LoadAsync(t => Service.GetByCauseAsync(period, scopeValue, threshold, t), token),
            _worst.LoadAsync(t => Service.GetWorstFeedersAsync(period, scopeValue, threshold, Options, t), token),
            _previous.LoadAsync(t => Service.GetReportAsync(period.Previous(), scopeValue, t), token));
    }

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

    private static string PeriodLabel(ReliabilityPeriod period) =>
        $"{period.From.UtcDateTime:yyyy-MM-dd HH:mm} → {period.To.UtcDateTime:yyyy-MM-dd HH:mm} UTC";

    private static string ThresholdText(ReliabilityReport report)
    {
        var t = report.Threshold;
        var basis = $"{t.YearsOfData:0.00} years of daily system SAIDI ({t.BaselineFrom:yyyy-MM-dd} → {t.BaselineTo:yyyy-MM-dd}, {t.DaysWithInterruptions:N0} days with interruptions)";
        return t.Tmed is { } tmed
            ? $"Major Event Day threshold T_MED = exp(α + 2.5β) = {tmed:N2} min/day with α = {t.Alpha:N3}, β = {t.Beta:N3}, from {basis}. {report.MajorEventDays.Count} Major Event Day(s) in the period."
            : $"No Major Event Day threshold: too little history before the period ({basis}); every day counts as normal.";
    }

    private static List<ChartSeries<double>> TrendSeries(IReadOnlyList<MonthlyReliability> months) =>
    [
        new() { Name = "SAIDI with MEDs", Data = new ChartData<double>([.. months.Select(m => Math.Round(m.All.Saidi ?? 0, 2))]) },
        new() { Name = "SAIDI without MEDs", Data = new ChartData<double>([.. months.Select(m => Math.Round(m.ExcludingMajorEvents.Saidi ?? 0, 2))]) },
    ];

    private static string[] TrendLabels(IReadOnlyList<MonthlyReliability> months) =>
        [.. months.Select(m => m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture))];

    public void Dispose()
    {
        _load.Cancel();
        _load.Dispose();
    }
}
