using DuckDB.NET.Data;
using Flux.OpsCenter.Data.Analysis.Reliability;
using Flux.OpsCenter.Data.Embedded;

namespace Flux.OpsCenter.Tests.Data.Analysis.Reliability;

/// <summary>
/// A hand-built grid — two substations in two regions, two feeders, four transformers, twelve active customers — with
/// five years of baseline days, a Major Event Day and momentary interruptions. Every figure below is worked out by
/// hand in the comments; the service must give exactly those numbers.
/// </summary>
public sealed class ReliabilityServiceTests : IDisposable
{
    // January 2026: 31 days = 44,640 minutes.
    private static readonly ReliabilityPeriod January = new(Utc(2026, 1, 1), Utc(2026, 2, 1));

    // Baseline daily SAIDI 2, 2, 8, 8 min: ln = ln2, ln2, 3ln2, 3ln2, so α = ln 4 and β = ln2·√(4/3) (sample deviation);
    // T_MED = exp(α + 2.5β) = 4·2^(2.5·√(4/3)) ≈ 29.58 min.
    private static readonly double ExpectedAlpha = Math.Log(4);
    private static readonly double ExpectedBeta = Math.Log(2) * Math.Sqrt(4.0 / 3.0);
    private static readonly double ExpectedTmed = Math.Exp(Math.Log(4) + (2.5 * Math.Log(2) * Math.Sqrt(4.0 / 3.0)));

    private readonly DuckDbSource _source;
    private readonly ReliabilityService _service;

    public ReliabilityServiceTests()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("flux-reliability-").FullName, "tiny.duckdb");
        using (var connection = new DuckDBConnection($"DataSource={path}"))
        {
            connection.Open();
            EmbeddedDatabase.CreateSchemaAndViews(connection);
            foreach (var statement in TinyGrid)
            {
                using var command = connection.CreateCommand();
                command.CommandText = statement;
                command.ExecuteNonQuery();
            }

            EmbeddedDatabase.SummarizeCircuitConnectivity(connection);
        }

        _source = new DuckDbSource(path);
        _service = new ReliabilityService(_source);
    }

    private static string[] TinyGrid =>
    [
        "INSERT INTO PRODUCTION.SUBSTATIONS VALUES ('SUB-A', 'Alpha', 29.76, -95.37, 10, '138KV', 'CENTRAL', 'Houston', 'ACTIVE', DATE '1990-01-01', NULL)",
        "INSERT INTO PRODUCTION.SUBSTATIONS VALUES ('SUB-B', 'Bravo', 29.96, -95.37, 10, '138KV', 'NORTH', 'Houston', 'ACTIVE', DATE '1990-01-01', NULL)",
        "INSERT INTO PRODUCTION.CIRCUIT_METADATA VALUES ('FDR-A1', 'Alpha 01', 'SUB-A', '12KV', 12.47, 2.0, '477 AAC', 2000, 'BKR-A1', NULL, NULL, NULL, NULL, DATE '1990-01-01')",
        "INSERT INTO PRODUCTION.CIRCUIT_METADATA VALUES ('FDR-B1', 'Bravo 01', 'SUB-B', '12KV', 12.47, 1.5, '477 AAC', 1000, 'BKR-B1', NULL, NULL, NULL, NULL, DATE '1990-01-01')",
        Transformer("TX-1", "SUB-A", "FDR-A1", "BKR-A1", "'RCL-A1'", "FUS-1"),
        Transformer("TX-2", "SUB-A", "FDR-A1", "BKR-A1", "'RCL-A1'", "FUS-2"),
        Transformer("TX-3", "SUB-B", "FDR-B1", "BKR-B1", "NULL", "FUS-3"),
        Transformer("TX-4", "SUB-B", "FDR-B1", "BKR-B1", "NULL", "FUS-4"),
        // N_T = 12: TX-1 four active (and one inactive), TX-2 two, TX-3 four, TX-4 two. FDR-A1 serves 6, FDR-B1 6.
        .. Customers("TX-1", "FDR-A1", "SUB-A", 1, 5, inactive: 5),
        .. Customers("TX-2", "FDR-A1", "SUB-A", 6, 7),
        .. Customers("TX-3", "FDR-B1", "SUB-B", 8, 11),
        .. Customers("TX-4", "FDR-B1", "SUB-B", 12, 13),
        // Older than five years before January 2026: the first outage on record, outside the baseline.
        Outage("H0", "FDR-A1", "SUB-A", "BKR-A1", "BREAKER", "2019-12-01 10:00:00", 600, 6, "WEATHER"),
        // Baseline: two days of SAIDI 2 (TX-2, 2 customers × 12 min = 24 / 12) and two of SAIDI 8 (TX-1, 4 × 24 min = 96 / 12).
        Outage("H1", "FDR-A1", "SUB-A", "TX-2", "TRANSFORMER", "2025-03-01 10:00:00", 12 * 60, 2, "ANIMAL"),
        Outage("H2", "FDR-A1", "SUB-A", "TX-2", "TRANSFORMER", "2025-04-01 10:00:00", 12 * 60, 2, "ANIMAL"),
        Outage("H3", "FDR-A1", "SUB-A", "TX-1", "TRANSFORMER", "2025-05-01 10:00:00", 24 * 60, 4, "VEGETATION"),
        Outage("H4", "FDR-A1", "SUB-A", "TX-1", "TRANSFORMER", "2025-06-01 10:00:00", 24 * 60, 4, "VEGETATION"),
        // A momentary in the baseline changes nothing: the method uses sustained SAIDI.
        Outage("H5", "FDR-B1", "SUB-B", "BKR-B1", "BREAKER", "2025-07-01 10:00:00", 60, 6, "WEATHER", momentary: true),
        // January: E0 starts exactly at the period start (included), 4 customers × 6 min = 24.
        Outage("E0", "FDR-B1", "SUB-B", "TX-3", "TRANSFORMER", "2026-01-01 00:00:00", 6 * 60, 4, "ANIMAL"),
        // E1: recloser RCL-A1 isolates TX-1 and TX-2, 6 × 30 = 180.
        Outage("E1", "FDR-A1", "SUB-A", "RCL-A1", "RECLOSER", "2026-01-05 10:00:00", 30 * 60, 6, "VEGETATION"),
        // The Major Event Day, 10 January: E2 4 × 90 = 360 and E3 2 × 60 = 120; day SAIDI 480 / 12 = 40 > T_MED.
        Outage("E2", "FDR-B1", "SUB-B", "TX-3", "TRANSFORMER", "2026-01-10 08:00:00", 90 * 60, 4, "EQUIPMENT_FAILURE"),
        Outage("E3", "FDR-A1", "SUB-A", "FUS-2", "FUSE", "2026-01-10 09:00:00", 60 * 60, 2, "EQUIPMENT_FAILURE"),
        // A 4-minute breaker operation on the MED is momentary by duration (≤ 5 min) though not flagged: 6 customers.
        Outage("M2", "FDR-A1", "SUB-A", "BKR-A1", "BREAKER", "2026-01-10 07:00:00", 4 * 60, 6, "VEGETATION"),
        // A flagged momentary: BKR-B1, 6 customers for a minute.
        Outage("M1", "FDR-B1", "SUB-B", "BKR-B1", "BREAKER", "2026-01-15 10:00:00", 60, 6, "WEATHER", momentary: true),
        // E4: breaker BKR-A1, 6 × 10 = 60.
        Outage("E4", "FDR-A1", "SUB-A", "BKR-A1", "BREAKER", "2026-01-20 12:00:00", 10 * 60, 6, "VEGETATION"),
        // Still active: not counted until restored.
        Outage("A1", "FDR-A1", "SUB-A", "TX-2", "TRANSFORMER", "2026-01-25 12:00:00", null, 2, "UNKNOWN"),
        // Starts exactly at the period end: excluded.
        Outage("X1", "FDR-A1", "SUB-A", "TX-1", "TRANSFORMER", "2026-02-01 00:00:00", 60 * 60, 4, "UNKNOWN"),
    ];

    [Fact]
    public async Task Threshold_rests_on_the_five_years_before_the_period_and_equals_the_hand_computed_value()
    {
        var threshold = await _service.GetThresholdAsync(January.From, TestContext.Current.CancellationToken);

        Assert.Equal(Utc(2021, 1, 1), threshold.BaselineFrom);
        Assert.Equal(January.From, threshold.BaselineTo);
        Assert.Equal(1826 / 365.25, threshold.YearsOfData, 6);
        Assert.Equal(4, threshold.DaysWithInterruptions);
        Assert.Equal(ExpectedAlpha, threshold.Alpha!.Value, 9);
        Assert.Equal(ExpectedBeta, threshold.Beta!.Value, 9);
        Assert.Equal(ExpectedTmed, threshold.Tmed!.Value, 9);
        Assert.Equal(29.584, threshold.Tmed.Value, 3);
    }

    [Fact]
    public async Task System_indices_with_major_event_days_equal_the_hand_computed_figures()
    {
        var report = await _service.GetReportAsync(January, ReliabilityScope.System, TestContext.Current.CancellationToken);
        var all = report.All;

        Assert.Equal(12, all.CustomersServed);
        // Sustained: E0 4, E1 6, E2 4, E3 2, E4 6 → ΣN_i = 22; customer minutes 24 + 180 + 360 + 120 + 60 = 744.
        Assert.Equal(5, all.Totals.SustainedEvents);
        Assert.Equal(22, all.Totals.CustomerInterruptions);
        Assert.Equal(744, all.Totals.CustomerMinutes, 9);
        Assert.Equal(744.0 / 12, all.Saidi!.Value, 9);
        Assert.Equal(22.0 / 12, all.Saifi!.Value, 9);
        Assert.Equal(744.0 / 22, all.Caidi!.Value, 9);
        // CN: TX-1 (4), TX-2 (2), TX-3 (4) were interrupted, TX-4 (2) never: 10 customers; CAIFI = 22 / 10.
        Assert.Equal(10, all.Totals.CustomersInterrupted);
        Assert.Equal(2.2, all.Caifi!.Value, 9);
        // Momentary: M1 6 + M2 6 = 12 → MAIFI = 12 / 12.
        Assert.Equal(2, all.Totals.MomentaryEvents);
        Assert.Equal(1.0, all.Maifi!.Value, 9);
        Assert.Equal(1 - (62.0 / 44_640), all.Asai!.Value, 12);
    }

    [Fact]
    public async Task Major_event_day_is_found_and_excluded_from_the_second_set_of_indices()
    {
        var report = await _service.GetReportAsync(January, ReliabilityScope.System, TestContext.Current.CancellationToken);

        var day = Assert.Single(report.MajorEventDays);
        Assert.Equal(Utc(2026, 1, 10), day.Day);
        Assert.Equal(40.0, day.Saidi, 9);

        // Without 10 January: E0 4 × 6, E1 6 × 30, E4 6 × 10 → ΣN_i = 16, 264 customer minutes; M1 only.
        var excluding = report.ExcludingMajorEvents;
        Assert.Equal(264.0 / 12, excluding.Saidi!.Value, 9);
        Assert.Equal(16.0 / 12, excluding.Saifi!.Value, 9);
        Assert.Equal(264.0 / 16, excluding.Caidi!.Value, 9);
        Assert.Equal(10, excluding.Totals.CustomersInterrupted);
        Assert.Equal(1.6, excluding.Caifi!.Value, 9);
        Assert.Equal(0.5, excluding.Maifi!.Value, 9);
        Assert.Equal(1 - (22.0 / 44_640), excluding.Asai!.Value, 12);
    }

    [Fact]
    public async Task Feeder_and_region_scopes_divide_by_their_own_customers()
    {
        var token = TestContext.Current.CancellationToken;
        var feeder = await _service.GetReportAsync(January, new ReliabilityScope(ReliabilityScopeKind.Feeder, "FDR-A1"), token);
        var north = await _service.GetReportAsync(January, new ReliabilityScope(ReliabilityScopeKind.Region, "NORTH"), token);

        // FDR-A1 (6 customers): E1 6 × 30, E3 2 × 60, E4 6 × 10 → 360 minutes, 14 interruptions; M2 momentary.
        Assert.Equal(6, feeder.All.CustomersServed);
        Assert.Equal(60.0, feeder.All.Saidi!.Value, 9);
        Assert.Equal(14.0 / 6, feeder.All.Saifi!.Value, 9);
        Assert.Equal(14.0 / 6, feeder.All.Caifi!.Value, 9);
        Assert.Equal(1.0, feeder.All.Maifi!.Value, 9);
        // The MED is a system day, so it is excluded at feeder level too: E1 and E4 only.
        Assert.Equal(40.0, feeder.ExcludingMajorEvents.Saidi!.Value, 9);
        Assert.Equal(0.0, feeder.ExcludingMajorEvents.Maifi!.Value, 9);

        // NORTH = SUB-B (6 customers): E0 4 × 6 and E2 4 × 90.
        Assert.Equal(6, north.All.CustomersServed);
        Assert.Equal(384.0 / 6, north.All.Saidi!.Value, 9);
        Assert.Equal(8.0 / 6, north.All.Saifi!.Value, 9);
    }

    [Fact]
    public async Task Worst_feeders_rank_by_cemi_then_celid()
    {
        var token = TestContext.Current.CancellationToken;
        var threshold = await _service.GetThresholdAsync(January.From, token);

        var all = await _service.GetWorstFeedersAsync(January, ReliabilityScope.System, threshold,
            new WorstFeederOptions(MinInterruptions: 1, LongHours: 1, ExcludeMajorEvents: false), token);
        var normal = await _service.GetWorstFeedersAsync(January, ReliabilityScope.System, threshold,
            new WorstFeederOptions(MinInterruptions: 1, LongHours: 1, ExcludeMajorEvents: true), token);
        var moreThanTwo = await _service.GetWorstFeedersAsync(January, ReliabilityScope.System, threshold,
            new WorstFeederOptions(MinInterruptions: 2, LongHours: 1, ExcludeMajorEvents: false), token);

        // CEMI-n counts customers with MORE THAN n interruptions (IEEE 1366).
        // TX-1 saw E1, E4 (longest 30 min); TX-2 E1, E3, E4 (longest 60): CEMI-1 6/6, CELID-1h 2/6.
        Assert.Equal(["FDR-A1", "FDR-B1"], all.Select(f => f.CircuitId));
        Assert.Equal(6, all[0].CemiCustomers);
        Assert.Equal(100.0, all[0].CemiPct, 9);
        Assert.Equal(2, all[0].CelidCustomers);
        Assert.Equal(100.0 / 3, all[0].CelidPct, 9);
        Assert.Equal(60.0, all[0].Saidi, 9);
        // TX-3 saw E0 and E2 (90 min): CEMI-1 and CELID-1h both 4/6.
        Assert.Equal(4, all[1].CemiCustomers);
        Assert.Equal(4, all[1].CelidCustomers);
        Assert.Equal(64.0, all[1].Saidi, 9);

        // Without the MED: TX-3 keeps E0 only, TX-2 loses E3.
        Assert.Equal(6, normal[0].CemiCustomers);
        Assert.Equal(0, normal[0].CelidCustomers);
        Assert.Equal(0, normal[1].CemiCustomers);
        Assert.Equal(4.0, normal[1].Saidi, 9);

        // Exactly two interruptions is not "more than 2": only TX-2's 2 customers (3 interruptions) count, TX-1 and TX-3 do not.
        Assert.Equal(2, moreThanTwo.Single(f => f.CircuitId == "FDR-A1").CemiCustomers);
        Assert.Equal(0, moreThanTwo.Single(f => f.CircuitId == "FDR-B1").CemiCustomers);
    }

    [Fact]
    public async Task Causes_share_the_customer_minutes()
    {
        var token = TestContext.Current.CancellationToken;
        var threshold = await _service.GetThresholdAsync(January.From, token);

        var causes = await _service.GetByCauseAsync(January, ReliabilityScope.System, threshold, token);

        Assert.Equal(["EQUIPMENT_FAILURE", "VEGETATION", "ANIMAL", "WEATHER"], causes.Select(c => c.Cause));
        Assert.Equal(480.0 / 12, causes[0].All.Saidi!.Value, 9);
        Assert.Equal(0.0, causes[0].ExcludingMajorEvents.Saidi!.Value, 9);
        Assert.Equal(100 * 480.0 / 744, causes[0].ShareOfCustomerMinutesPct, 9);
        Assert.Equal(240.0 / 12, causes[1].All.Saidi!.Value, 9);
        Assert.Equal(6, causes[1].All.Totals.MomentaryInterruptions);
        Assert.Equal(0.5, causes[3].All.Maifi!.Value, 9);
    }

    [Fact]
    public async Task Monthly_trend_lists_every_month_of_the_period()
    {
        var token = TestContext.Current.CancellationToken;
        var period = new ReliabilityPeriod(Utc(2025, 12, 1), Utc(2026, 2, 1));
        var threshold = await _service.GetThresholdAsync(period.From, token);

        var months = await _service.GetMonthlyAsync(period, ReliabilityScope.System, threshold, token);

        Assert.Equal([Utc(2025, 12, 1), Utc(2026, 1, 1)], months.Select(m => m.Month));
        Assert.Equal(0.0, months[0].All.Saidi!.Value, 9);
        Assert.Equal(62.0, months[1].All.Saidi!.Value, 9);
        Assert.Equal(22.0, months[1].ExcludingMajorEvents.Saidi!.Value, 9);
        Assert.Equal(ExpectedTmed, threshold.Tmed!.Value, 9);
    }

    [Fact]
    public async Task Unknown_scopes_are_reported_as_missing()
    {
        var token = TestContext.Current.CancellationToken;

        Assert.True(await _service.ScopeExistsAsync(new ReliabilityScope(ReliabilityScopeKind.Substation, "SUB-B"), token));
        Assert.True(await _service.ScopeExistsAsync(ReliabilityScope.System, token));
        Assert.False(await _service.ScopeExistsAsync(new ReliabilityScope(ReliabilityScopeKind.Feeder, "FDR-ZZ"), token));
        Assert.False(await _service.ScopeExistsAsync(new ReliabilityScope(ReliabilityScopeKind.Region, "ATLANTIS"), token));
    }

    private static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    private static string Transformer(string id, string substation, string circuit, string breaker, string recloser, string fuse) =>
        $"INSERT INTO PRODUCTION.TRANSFORMER_METADATA VALUES ('{id}', '{id}', '{substation}', '{circuit}', 'SEG-{id}', '{breaker}', {recloser}, '{fuse}', 29.76, -95.37, 50, 50, 12.47, 0.24, 'POLE', 'RESIDENTIAL', 2000, 26, 'ABB', 80, NULL)";

    private static IEnumerable<string> Customers(string transformer, string circuit, string substation, int first, int last, int inactive = 0)
    {
        for (var i = first; i <= last; i++)
        {
            var status = i == inactive ? "INACTIVE" : "ACTIVE";
            yield return $"INSERT INTO PRODUCTION.CUSTOMERS_MASTER_DATA VALUES ('CUST-{i}', 'MTR-{i}', '{transformer}', '{circuit}', '{substation}', 'Ana', 'Lopez', 'Ana Lopez', '{i} Main St', 'Houston', 'TX', '77002', 'RESIDENTIAL', '{status}', FALSE, DATE '2015-01-01')";
        }
    }

    private static string Outage(string id, string circuit, string substation, string device, string deviceType, string start, int? seconds, int customers,
        string cause, bool momentary = false) =>
        $"INSERT INTO PRODUCTION.OUTAGE_RESTORATION_TRACKER VALUES ('{id}', '{circuit}', '{substation}', '{device}', '{deviceType}', TIMESTAMP '{start}', "
        + (seconds is null ? "NULL, 'ACTIVE'" : $"TIMESTAMP '{start}' + INTERVAL '{seconds} seconds', 'RESTORED'")
        + $", '{cause}', {customers}, 1, NULL, NULL, {(momentary ? "TRUE" : "FALSE")}, 29.76, -95.37, NULL)";

    public void Dispose() => _source.Dispose();
}
