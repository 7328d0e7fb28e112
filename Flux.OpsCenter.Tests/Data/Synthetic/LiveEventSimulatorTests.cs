using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Data.Synthetic;
using Flux.OpsCenter.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Flux.OpsCenter.Tests.Data.Synthetic;

public sealed class LiveEventSimulatorTests : IDisposable
{
    private readonly DuckDbSource _source = new(TestTerritory.CreateCopy());
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));

    private string Path => _source.DatabasePath;

    private LiveEventSimulator Simulator(double faultsPerHour = 0, double speed = 60) =>
        new(_source, new SimulatorOptions { FaultsPerHour = faultsPerHour, Speed = speed, Seed = 7 }, _time);

    [Fact]
    public async Task A_fuse_fault_interrupts_exactly_the_active_customers_behind_the_fuse()
    {
        using var simulator = Simulator();
        await simulator.InitializeAsync(TestContext.Current.CancellationToken);
        var fuse = QuietFuse();

        var fault = await simulator.InjectFaultAsync(fuse, TestContext.Current.CancellationToken);

        Assert.NotNull(fault);
        var behind = ViewQueries.Long(Path, $"""
            SELECT COUNT(*) FROM PRODUCTION.CUSTOMERS_MASTER_DATA c JOIN PRODUCTION.TRANSFORMER_METADATA t ON t.TRANSFORMER_ID = c.TRANSFORMER_ID
            WHERE t.FUSE_ID = '{fuse}' AND c.ACCOUNT_STATUS = 'ACTIVE'
            """);
        Assert.Equal(behind, fault.CustomersAffected);
        Assert.Equal(behind, ViewQueries.Long(Path, $"SELECT CUSTOMERS_OUT FROM APPLICATIONS.CIRCUIT_STATUS_REALTIME WHERE CIRCUIT_ID = '{fault.CircuitId}'"));
        Assert.Equal(0, ViewQueries.Double(Path, $"""
            SELECT SUM(l.LOAD_KW) FROM PRODUCTION.TRANSFORMER_HOURLY_LOAD l JOIN PRODUCTION.TRANSFORMER_METADATA t ON t.TRANSFORMER_ID = l.TRANSFORMER_ID
            WHERE t.FUSE_ID = '{fuse}' AND l.LOAD_HOUR = (SELECT MAX(LOAD_HOUR) FROM PRODUCTION.FEEDER_HOURLY_LOAD)
            """));
    }

    [Fact]
    public async Task Kpis_stay_consistent_with_the_rows_after_a_fault()
    {
        using var simulator = Simulator();
        await simulator.InitializeAsync(TestContext.Current.CancellationToken);
        await simulator.InjectFaultAsync(QuietFuse(), TestContext.Current.CancellationToken);

        var kpis = await new GridQueries(_source).GetKpisAsync(TestContext.Current.CancellationToken);
        var distinct = ViewQueries.Long(Path, """
            SELECT COUNT(DISTINCT c.CUSTOMER_ID) FROM PRODUCTION.CUSTOMERS_MASTER_DATA c
            JOIN APPLICATIONS.TRANSFORMERS_DE_ENERGIZED d ON d.TRANSFORMER_ID = c.TRANSFORMER_ID WHERE c.ACCOUNT_STATUS = 'ACTIVE'
            """);

        Assert.Equal(distinct, kpis!.CustomersOut);
        Assert.Equal(ViewQueries.Long(Path, "SELECT COUNT(*) FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE OUTAGE_END_TIME IS NULL"), kpis.ActiveOutages);
    }

    [Fact]
    public async Task A_second_fault_on_a_feeder_with_an_active_outage_is_not_written()
    {
        using var simulator = Simulator();
        await simulator.InitializeAsync(TestContext.Current.CancellationToken);
        var busy = ViewQueries.Scalar(Path, "SELECT MIN(t.TRANSFORMER_ID) FROM PRODUCTION.TRANSFORMER_METADATA t JOIN PRODUCTION.OUTAGE_RESTORATION_TRACKER o ON o.CIRCUIT_ID = t.CIRCUIT_ID WHERE o.OUTAGE_END_TIME IS NULL")!.ToString()!;

        var fault = await simulator.InjectFaultAsync(busy, TestContext.Current.CancellationToken);

        Assert.Null(fault);
    }

    [Fact]
    public async Task Crews_are_dispatched_and_outages_restored_with_their_load()
    {
        using var simulator = Simulator(faultsPerHour: 0, speed: 600);
        await simulator.InitializeAsync(TestContext.Current.CancellationToken);
        var fault = await simulator.InjectFaultAsync(QuietFuse(), TestContext.Current.CancellationToken);
        Assert.NotNull(fault);

        // Ten simulated hours in steps: enough for dispatch, travel and any lognormal repair time up to the ETR.
        for (var step = 0; step < 60; step++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await simulator.StepAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal("RESTORED", ViewQueries.Scalar(Path, $"SELECT STATUS FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE OUTAGE_ID = '{fault.OutageId}'"));
        Assert.NotNull(ViewQueries.Scalar(Path, $"SELECT CREW_ID FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE OUTAGE_ID = '{fault.OutageId}'"));
        Assert.Equal("COMPLETED", ViewQueries.Scalar(Path, $"SELECT STATUS FROM PRODUCTION.WORK_ORDERS WHERE OUTAGE_ID = '{fault.OutageId}'"));
    }

    [Fact]
    public async Task Restoring_an_outage_now_closes_it_and_brings_its_customers_back()
    {
        using var simulator = Simulator();
        await simulator.InitializeAsync(TestContext.Current.CancellationToken);
        var fault = await simulator.InjectFaultAsync(QuietFuse(), TestContext.Current.CancellationToken);
        Assert.NotNull(fault);

        var restored = await simulator.RestoreOutageAsync(fault.OutageId, TestContext.Current.CancellationToken);

        Assert.NotNull(restored);
        Assert.Equal("RESTORED", ViewQueries.Scalar(Path, $"SELECT STATUS FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE OUTAGE_ID = '{fault.OutageId}'"));
        Assert.Equal("COMPLETED", ViewQueries.Scalar(Path, $"SELECT STATUS FROM PRODUCTION.WORK_ORDERS WHERE OUTAGE_ID = '{fault.OutageId}'"));
        Assert.Equal(0, ViewQueries.Long(Path, $"SELECT CUSTOMERS_OUT FROM APPLICATIONS.CIRCUIT_STATUS_REALTIME WHERE CIRCUIT_ID = '{fault.CircuitId}'"));
        Assert.Null(await simulator.RestoreOutageAsync(fault.OutageId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Each_simulated_hour_appends_load_for_every_transformer_and_feeder_sums_stay_exact()
    {
        using var simulator = Simulator(speed: 3600);
        await simulator.InitializeAsync(TestContext.Current.CancellationToken);
        var before = ViewQueries.Long(Path, "SELECT COUNT(DISTINCT LOAD_HOUR) FROM PRODUCTION.FEEDER_HOURLY_LOAD");
        var latest = ViewQueries.Scalar(Path, "SELECT MAX(LOAD_HOUR) FROM PRODUCTION.FEEDER_HOURLY_LOAD");

        _time.Advance(TimeSpan.FromSeconds(2));
        await simulator.StepAsync(TestContext.Current.CancellationToken);

        Assert.NotEqual(latest, ViewQueries.Scalar(Path, "SELECT MAX(LOAD_HOUR) FROM PRODUCTION.FEEDER_HOURLY_LOAD"));
        Assert.Equal(before, ViewQueries.Long(Path, "SELECT COUNT(DISTINCT LOAD_HOUR) FROM PRODUCTION.FEEDER_HOURLY_LOAD"));
        Assert.Equal(0, ViewQueries.Long(Path, """
            WITH summed AS (
                SELECT t.CIRCUIT_ID, l.LOAD_HOUR, SUM(l.LOAD_KW) AS KW FROM PRODUCTION.TRANSFORMER_HOURLY_LOAD l
                JOIN PRODUCTION.TRANSFORMER_METADATA t ON t.TRANSFORMER_ID = l.TRANSFORMER_ID GROUP BY t.CIRCUIT_ID, l.LOAD_HOUR)
            SELECT COUNT(*) FROM summed s JOIN PRODUCTION.FEEDER_HOURLY_LOAD f ON f.CIRCUIT_ID = s.CIRCUIT_ID AND f.LOAD_HOUR = s.LOAD_HOUR
            WHERE ABS(f.LOAD_KW - s.KW) > 0.05
            """));
    }

    [Fact]
    public async Task Same_seed_and_clock_make_the_same_events()
    {
        async Task<string> RunAsync()
        {
            using var source = new DuckDbSource(TestTerritory.CreateCopy());
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));
            using var simulator = new LiveEventSimulator(source, new SimulatorOptions { FaultsPerHour = 30, Speed = 600, Seed = 11 }, time);
            await simulator.InitializeAsync(TestContext.Current.CancellationToken);
            for (var step = 0; step < 10; step++)
            {
                time.Advance(TimeSpan.FromSeconds(1));
                await simulator.StepAsync(TestContext.Current.CancellationToken);
            }

            return ViewQueries.Scalar(source.DatabasePath,
                "SELECT STRING_AGG(OUTAGE_ID || DEVICE_ID || CAST(CUSTOMERS_AFFECTED AS VARCHAR), ',' ORDER BY OUTAGE_ID) FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE OUTAGE_START_TIME > TIMESTAMP '2026-11-20 15:00:00'")?.ToString() ?? "";
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    // A fuse on a feeder without an active outage, with customers behind it.
    private string QuietFuse() => ViewQueries.Scalar(Path, """
        SELECT MIN(t.FUSE_ID) FROM PRODUCTION.TRANSFORMER_METADATA t
        JOIN PRODUCTION.CUSTOMERS_MASTER_DATA c ON c.TRANSFORMER_ID = t.TRANSFORMER_ID AND c.ACCOUNT_STATUS = 'ACTIVE'
        WHERE t.CIRCUIT_ID NOT IN (SELECT CIRCUIT_ID FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE OUTAGE_END_TIME IS NULL)
        """)!.ToString()!;

    public void Dispose() => _source.Dispose();
}
