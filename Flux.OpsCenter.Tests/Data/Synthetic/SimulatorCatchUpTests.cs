using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Data.Synthetic;
using Flux.OpsCenter.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Flux.OpsCenter.Tests.Data.Synthetic;

public sealed class SimulatorCatchUpTests : IDisposable
{
    private static readonly TimeSpan Step = new SimulatorOptions().StepInterval;
    private readonly DuckDbSource _source = new(TestTerritory.CreateCopy());

    private string Path => _source.DatabasePath;

    [Fact]
    public async Task Catching_up_over_a_day_leaves_the_data_clock_within_a_step_of_the_wall_clock()
    {
        var wall = new FakeTimeProvider(TestTerritory.AsOf.AddHours(26).AddMinutes(17));
        using var simulator = new LiveEventSimulator(_source, new SimulatorOptions { FaultsPerHour = 2, Seed = 5 }, wall);
        await simulator.InitializeAsync(TestContext.Current.CancellationToken);
        var outagesBefore = ViewQueries.Long(Path, "SELECT COUNT(*) FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER");

        var caughtUp = await simulator.CatchUpAsync(progress: null, TestContext.Current.CancellationToken);

        var kpis = await new GridQueries(_source).GetKpisAsync(TestContext.Current.CancellationToken);
        Assert.InRange(wall.GetUtcNow() - kpis!.AsOf, TimeSpan.Zero, Step);
        Assert.Equal(TimeSpan.Zero, caughtUp.Skipped);
        Assert.Equal(wall.GetUtcNow(), caughtUp.To);

        // What happened in the gap was simulated: hourly load up to the present hour, and faults inside the gap.
        var latestHour = new DateTimeOffset(wall.GetUtcNow().Date.AddHours(wall.GetUtcNow().Hour), TimeSpan.Zero);
        Assert.Equal(latestHour.UtcDateTime, (DateTime)ViewQueries.Scalar(Path, "SELECT MAX(LOAD_HOUR) FROM PRODUCTION.FEEDER_HOURLY_LOAD")!);
        Assert.True(ViewQueries.Long(Path, "SELECT COUNT(*) FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER") > outagesBefore);
        Assert.Equal(0, ViewQueries.Long(Path, $"""
            SELECT COUNT(*) FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER
            WHERE OUTAGE_START_TIME > TIMESTAMP '{wall.GetUtcNow():yyyy-MM-dd HH:mm:ss.fff}'
               OR OUTAGE_END_TIME > TIMESTAMP '{wall.GetUtcNow():yyyy-MM-dd HH:mm:ss.fff}'
            """));
    }

    [Fact]
    public async Task A_gap_longer_than_the_limit_is_skipped_and_the_hourly_series_stays_whole()
    {
        var wall = new FakeTimeProvider(TestTerritory.AsOf.AddDays(40).AddMinutes(5));
        var options = new SimulatorOptions { FaultsPerHour = 0, Seed = 5, MaxCatchUp = TimeSpan.FromHours(6) };
        using var simulator = new LiveEventSimulator(_source, options, wall);
        await simulator.InitializeAsync(TestContext.Current.CancellationToken);

        var caughtUp = await simulator.CatchUpAsync(progress: null, TestContext.Current.CancellationToken);

        Assert.Equal(TimeSpan.FromHours(6), caughtUp.Simulated);
        var kpis = await new GridQueries(_source).GetKpisAsync(TestContext.Current.CancellationToken);
        Assert.InRange(wall.GetUtcNow() - kpis!.AsOf, TimeSpan.Zero, Step);

        // The kept window holds every hour once, contiguous up to the present hour, for every transformer.
        var hours = TerritoryGenerator.TelemetryDays * 24;
        Assert.Equal(hours, ViewQueries.Long(Path, "SELECT COUNT(DISTINCT LOAD_HOUR) FROM PRODUCTION.TRANSFORMER_HOURLY_LOAD"));
        Assert.Equal(hours - 1, ViewQueries.Long(Path, "SELECT DATE_DIFF('hour', MIN(LOAD_HOUR), MAX(LOAD_HOUR)) FROM PRODUCTION.TRANSFORMER_HOURLY_LOAD"));
        Assert.Equal(0, ViewQueries.Long(Path, """
            SELECT COUNT(*) FROM (
                SELECT LOAD_HOUR FROM PRODUCTION.TRANSFORMER_HOURLY_LOAD GROUP BY LOAD_HOUR
                HAVING COUNT(*) <> (SELECT COUNT(*) FROM PRODUCTION.TRANSFORMER_METADATA))
            """));
        Assert.Equal(hours, ViewQueries.Long(Path, "SELECT COUNT(DISTINCT OBSERVATION_TIME) FROM PRODUCTION.HOUSTON_WEATHER_HOURLY"));
        Assert.Equal(hours, ViewQueries.Long(Path, "SELECT COUNT(DISTINCT LOAD_HOUR) FROM PRODUCTION.FEEDER_HOURLY_LOAD"));
    }

    [Fact]
    public async Task A_step_without_events_still_moves_the_data_clock()
    {
        var wall = new FakeTimeProvider(TestTerritory.AsOf);
        using var simulator = new LiveEventSimulator(_source, new SimulatorOptions { FaultsPerHour = 0, Seed = 5 }, wall);
        await simulator.InitializeAsync(TestContext.Current.CancellationToken);
        await simulator.CatchUpAsync(progress: null, TestContext.Current.CancellationToken);

        wall.Advance(TimeSpan.FromSeconds(40));
        await simulator.StepAsync(TestContext.Current.CancellationToken);

        // No outage event and no load hour is that recent: only the telemetry scan can have moved the clock there.
        var kpis = await new GridQueries(_source).GetKpisAsync(TestContext.Current.CancellationToken);
        Assert.Equal(simulator.SimulatedNow, kpis!.AsOf);
        var now = $"TIMESTAMP '{simulator.SimulatedNow:yyyy-MM-dd HH:mm:ss.ffffff}'";
        Assert.Equal(0, ViewQueries.Long(Path, $"""
            SELECT COUNT(*) FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE OUTAGE_START_TIME >= {now} OR OUTAGE_END_TIME >= {now}
            """));
        Assert.Equal(0, ViewQueries.Long(Path, $"SELECT COUNT(*) FROM PRODUCTION.FEEDER_HOURLY_LOAD WHERE LOAD_HOUR >= {now}"));
    }

    public void Dispose() => _source.Dispose();
}
