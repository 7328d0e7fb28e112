using System.Collections.Concurrent;
using Flux.OpsCenter.Data.Queries;

namespace Flux.OpsCenter.Data.Analysis.Reliability;

/// <summary>
/// IEEE 1366 reliability indices for any period and scope, Major Event Days by the 2.5β method, monthly trends,
/// causes and worst feeders. SQL only sums rows (query files <c>GetReliability*</c>, <c>GetDailySystemSaidi</c>,
/// <c>GetWorstFeeders</c>); the index arithmetic and the threshold live here, where tests can check them by hand.
/// </summary>
public sealed class ReliabilityService(ISqlSource source, TimeProvider? timeProvider = null)
{
    /// <summary>How long a computed threshold is reused before the history is read again.</summary>
    public static readonly TimeSpan ThresholdLifetime = TimeSpan.FromMinutes(5);

    private const int ThresholdCacheSize = 64;

    // A threshold rests on the five years before its period, history that late restorations change rarely; reusing it
    // for a few minutes takes the five-year scan and the clock read off every request.
    private readonly ConcurrentDictionary<DateTimeOffset, (MajorEventThreshold Threshold, DateTimeOffset ComputedAt)> _thresholds = new();
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>The data's "now" and the first outage on record.</summary>
    public async Task<ReliabilityClock> GetClockAsync(CancellationToken cancellationToken) =>
        OneRow("GetReliabilityClock", await RunAsync("GetReliabilityClock", r => new ReliabilityClock(r.GetTimestamp("AS_OF"), r.GetNullableTimestamp("FIRST_OUTAGE_START")),
            cancellationToken));

    /// <summary>Whether the scope names the system or an existing region, substation or feeder.</summary>
    public async Task<bool> ScopeExistsAsync(ReliabilityScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return (await RunAsync("ScopeExists", r => r.GetInt64("FOUND"), cancellationToken, scope.SqlKind, scope.Id ?? "")).Count > 0;
    }

    /// <summary>The T_MED that applies to a period starting at <paramref name="periodStart"/>: five years of history before it.</summary>
    public async Task<MajorEventThreshold> GetThresholdAsync(DateTimeOffset periodStart, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_thresholds.TryGetValue(periodStart, out var cached) && now - cached.ComputedAt < ThresholdLifetime)
        {
            return cached.Threshold;
        }

        var clock = await GetClockAsync(cancellationToken);
        var threshold = await ComputeThresholdAsync(periodStart, clock, cancellationToken);
        if (_thresholds.Count >= ThresholdCacheSize)
        {
            _thresholds.Clear();
        }

        _thresholds[periodStart] = (threshold, now);
        return threshold;
    }

    private async Task<MajorEventThreshold> ComputeThresholdAsync(DateTimeOffset periodStart, ReliabilityClock clock, CancellationToken cancellationToken)
    {
        var baselineFrom = periodStart.AddYears(-MajorEventThreshold.BaselineYears);
        if (clock.FirstOutageStart is { } first && first > baselineFrom)
        {
            // Fewer than five years on record: IEEE 1366 uses what there is.
            baselineFrom = first.AddTicks(-(first.UtcTicks % TimeSpan.TicksPerDay));
        }

        if (baselineFrom >= periodStart || clock.FirstOutageStart is null)
        {
            return MajorEventThreshold.Compute([], periodStart, periodStart);
        }

        var days = await GetDailySystemSaidiAsync(new ReliabilityPeriod(baselineFrom, periodStart), cancellationToken);
        return MajorEventThreshold.Compute(days.Select(d => d.Saidi), baselineFrom, periodStart);
    }

    /// <summary>The system's daily SAIDI on every day of the period with sustained interruptions.</summary>
    public Task<IReadOnlyList<MajorEventDay>> GetDailySystemSaidiAsync(ReliabilityPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        return RunAsync("GetDailySystemSaidi", r => new MajorEventDay(r.GetTimestamp("OUTAGE_DAY"), r.GetDouble("CUSTOMER_MINUTES"), r.GetDouble("SAIDI")),
            cancellationToken, period.From, period.To);
    }

    /// <summary>The indices of a period and scope with and without Major Event Days, and what the threshold rests on.</summary>
    public async Task<ReliabilityReport> GetReportAsync(ReliabilityPeriod period, ReliabilityScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var threshold = await GetThresholdAsync(period.From, cancellationToken);
        return await GetReportAsync(period, scope, threshold, cancellationToken);
    }

    /// <summary>As <see cref="GetReportAsync(ReliabilityPeriod, ReliabilityScope, CancellationToken)"/> with a threshold already known.</summary>
    public async Task<ReliabilityReport> GetReportAsync(ReliabilityPeriod period, ReliabilityScope scope, MajorEventThreshold threshold,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(threshold);
        var totals = RunAsync("GetReliabilityTotals", static r => (Served: r.GetInt64("CUSTOMERS_SERVED"), All: ReadTotals(r, false), Excluding: ReadTotals(r, true)),
            cancellationToken, Arguments(period, scope, threshold));
        var days = await GetDailySystemSaidiAsync(period, cancellationToken);
        var row = OneRow("GetReliabilityTotals", await totals);
        var majorEventDays = threshold.Tmed is { } tmed ? days.Where(d => d.Saidi > tmed).ToList() : [];
        return new ReliabilityReport(period, scope, threshold, majorEventDays,
            ReliabilityIndices.From(row.All, row.Served, period.Minutes), ReliabilityIndices.From(row.Excluding, row.Served, period.Minutes));
    }

    /// <summary>
    /// The system's 365 days before the data's "now" (the Overview's 12-month window) against the 365 days before them,
    /// each with its own Major Event Day threshold.
    /// </summary>
    public async Task<ReliabilityComparison> GetTwelveMonthComparisonAsync(CancellationToken cancellationToken)
    {
        var clock = await GetClockAsync(cancellationToken);
        var current = ReliabilityPeriod.LastTwelveMonths(clock.AsOf);
        var now = GetReportAsync(current, ReliabilityScope.System, cancellationToken);
        var before = GetReportAsync(current.Previous(), ReliabilityScope.System, cancellationToken);
        return new ReliabilityComparison(await now, await before);
    }

    /// <summary>One row per calendar month the period touches, months without interruptions included.</summary>
    public async Task<IReadOnlyList<MonthlyReliability>> GetMonthlyAsync(ReliabilityPeriod period, ReliabilityScope scope, MajorEventThreshold threshold,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var rows = await RunAsync("GetMonthlyReliability", static r => (Month: r.GetTimestamp("MONTH_START"), Served: r.GetInt64("CUSTOMERS_SERVED"),
            All: ReadTotals(r, false), Excluding: ReadTotals(r, true)), cancellationToken, Arguments(period, scope, threshold));
        var byMonth = rows.ToDictionary(r => r.Month);
        var served = rows.Count > 0 ? rows[0].Served : await GetCustomersServedAsync(period, scope, threshold, cancellationToken);
        var months = new List<MonthlyReliability>();
        for (var month = new DateTimeOffset(period.From.Year, period.From.Month, 1, 0, 0, 0, TimeSpan.Zero); month < period.To; month = month.AddMonths(1))
        {
            var start = month < period.From ? period.From : month;
            var end = month.AddMonths(1) > period.To ? period.To : month.AddMonths(1);
            var minutes = (end - start).TotalMinutes;
            var found = byMonth.TryGetValue(month, out var row);
            months.Add(new MonthlyReliability(month,
                ReliabilityIndices.From(found ? row.All : InterruptionTotals.None, served, minutes),
                ReliabilityIndices.From(found ? row.Excluding : InterruptionTotals.None, served, minutes)));
        }

        return months;
    }

    /// <summary>Interruptions by cause, largest share of customer minutes first.</summary>
    public async Task<IReadOnlyList<CauseReliability>> GetByCauseAsync(ReliabilityPeriod period, ReliabilityScope scope, MajorEventThreshold threshold,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var rows = await RunAsync("GetReliabilityByCause", static r => (Cause: r.GetString("CAUSE"), Served: r.GetInt64("CUSTOMERS_SERVED"),
            All: ReadTotals(r, false), Excluding: ReadTotals(r, true)), cancellationToken, Arguments(period, scope, threshold));
        var totalMinutes = rows.Sum(r => r.All.CustomerMinutes);
        return [.. rows.Select(r => new CauseReliability(r.Cause,
            ReliabilityIndices.From(r.All, r.Served, period.Minutes), ReliabilityIndices.From(r.Excluding, r.Served, period.Minutes),
            totalMinutes > 0 ? 100 * r.All.CustomerMinutes / totalMinutes : 0))];
    }

    /// <summary>The feeders of the scope whose customers fared worst: CEMI-n, then CELID, then SAIDI.</summary>
    public Task<IReadOnlyList<FeederReliability>> GetWorstFeedersAsync(ReliabilityPeriod period, ReliabilityScope scope, MajorEventThreshold threshold,
        WorstFeederOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        object?[] arguments =
        [
            .. Arguments(period, scope, threshold), options.ExcludeMajorEvents, Math.Max(1, options.MinInterruptions),
            Math.Max(0, options.LongHours) * 60, Math.Clamp(options.Limit, 1, GridQueries.MaxRows),
        ];
        return RunAsync("GetWorstFeeders", static r => new FeederReliability(
            r.GetString("CIRCUIT_ID"), r.GetString("CIRCUIT_NAME"), r.GetString("SUBSTATION_ID"), r.GetInt64("CUSTOMERS_SERVED"),
            r.GetInt64("SUSTAINED_EVENTS"), r.GetDouble("CUSTOMER_INTERRUPTIONS"), r.GetDouble("CUSTOMER_MINUTES"), r.GetDouble("SAIDI"),
            r.GetInt64("CEMI_CUSTOMERS"), r.GetDouble("CEMI_PCT"), r.GetInt64("CELID_CUSTOMERS"), r.GetDouble("CELID_PCT")),
            cancellationToken, arguments);
    }

    private async Task<long> GetCustomersServedAsync(ReliabilityPeriod period, ReliabilityScope scope, MajorEventThreshold threshold, CancellationToken cancellationToken) =>
        (await RunAsync("GetReliabilityTotals", static r => r.GetInt64("CUSTOMERS_SERVED"), cancellationToken, Arguments(period, scope, threshold))).Single();

    private static InterruptionTotals ReadTotals(ISqlRow r, bool excludingMajorEvents)
    {
        var suffix = excludingMajorEvents ? "_EX_MED" : "";
        return new InterruptionTotals(
            r.GetInt64("SUSTAINED_EVENTS" + suffix),
            r.GetDouble("CUSTOMER_INTERRUPTIONS" + suffix),
            r.GetDouble("CUSTOMER_MINUTES" + suffix),
            r.GetInt64("CUSTOMERS_INTERRUPTED" + suffix),
            r.GetInt64("MOMENTARY_EVENTS" + suffix),
            r.GetDouble("MOMENTARY_INTERRUPTIONS" + suffix));
    }

    private static object?[] Arguments(ReliabilityPeriod period, ReliabilityScope scope, MajorEventThreshold threshold)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(threshold);
        return [period.From, period.To, threshold.Tmed, scope.SqlKind, scope.Id ?? ""];
    }

    // A one-row query that answers no row is a data failure the panel can state, not a bug for the error boundary.
    private T OneRow<T>(string queryName, IReadOnlyList<T> rows) => rows.Count == 1 ? rows[0]
        : throw new FluxDataException(source.Kind, DataErrorKind.Mapping, $"{queryName} answered {rows.Count} rows instead of one");

    private Task<IReadOnlyList<T>> RunAsync<T>(string queryName, Func<ISqlRow, T> map, CancellationToken cancellationToken, params object?[] arguments) =>
        source.QueryAsync(QueryCatalog.Request(queryName, arguments), map, cancellationToken);
}
