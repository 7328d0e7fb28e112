using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Data.Synthetic;
using Flux.OpsCenter.Tests.Support;
using Flux.OpsCenter.Web.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Flux.OpsCenter.Tests.Web.Live;

public sealed class GridStatusMonitorTests : IDisposable
{
    private readonly DuckDbSource _database = new(TestTerritory.CreateCopy());
    private readonly FlakySqlSource _source;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));
    private readonly GridStatusFeed _feed = new(Options.Create(new LiveOptions()));
    private readonly GridStatusMonitor _monitor;

    public GridStatusMonitorTests()
    {
        _source = new FlakySqlSource(_database);
        _monitor = new GridStatusMonitor(new GridQueries(_source), _feed, Options.Create(new LiveOptions()), _time, NullLogger<GridStatusMonitor>.Instance);
    }

    [Fact]
    public async Task First_poll_publishes_a_snapshot_of_every_circuit_worst_first()
    {
        await _monitor.PollOnceAsync(TestContext.Current.CancellationToken);

        var snapshot = _feed.Current;
        Assert.NotNull(snapshot);
        Assert.Equal(ViewQueries.Long(_database.DatabasePath, "SELECT COUNT(*) FROM PRODUCTION.CIRCUIT_METADATA"), snapshot.Circuits.Count);
        Assert.NotEqual("ENERGIZED", snapshot.Circuits[0].Status);
        Assert.Equal(snapshot.ActiveOutages.Count, snapshot.Kpis!.ActiveOutages);
    }

    [Fact]
    public async Task Unchanged_data_publishes_nothing_new()
    {
        await _monitor.PollOnceAsync(TestContext.Current.CancellationToken);
        var first = _feed.Current!.Sequence;

        await _monitor.PollOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(first, _feed.Current!.Sequence);
    }

    [Fact]
    public async Task Failed_polls_mark_the_state_stale_keep_the_figures_and_recover()
    {
        await _monitor.PollOnceAsync(TestContext.Current.CancellationToken);
        var good = _feed.Current!;
        _source.Failing = true;
        _time.Advance(TimeSpan.FromMinutes(3));

        await _monitor.PollOnceAsync(TestContext.Current.CancellationToken);
        await _monitor.PollOnceAsync(TestContext.Current.CancellationToken);

        var stale = _feed.Current!;
        Assert.Equal(_time.GetUtcNow(), stale.StaleSince);
        Assert.Equal(good.Kpis, stale.Kpis);
        Assert.Equal(good.Sequence + 1, stale.Sequence);
        Assert.Equal(2, _monitor.FailedPolls);

        _source.Failing = false;
        await _monitor.PollOnceAsync(TestContext.Current.CancellationToken);

        Assert.Null(_feed.Current!.StaleSince);
        Assert.Equal(stale.Sequence + 1, _feed.Current.Sequence);
    }

    [Fact]
    public async Task Monitor_loop_survives_failures_and_picks_up_a_fault()
    {
        using var simulator = new LiveEventSimulator(_database, new SimulatorOptions { Enabled = false }, _time);
        await simulator.InitializeAsync(TestContext.Current.CancellationToken);
        using var stop = new CancellationTokenSource();
        _source.Failing = true;
        await _monitor.StartAsync(stop.Token);
        try
        {
            var token = TestContext.Current.CancellationToken;
            await _source.FirstFailure.WaitAsync(TimeSpan.FromSeconds(60), token);

            _time.Advance(TimeSpan.FromSeconds(1));
            _source.Failing = false;
            var fault = await simulator.InjectFaultAsync(null, token);
            Assert.NotNull(fault);
            using var subscription = _feed.Subscribe(watching: false);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            _monitor.PollNow();

            // Each publish is a message; the fault shows in whichever one follows the first good poll.
            GridStatusSnapshot? seen;
            do
            {
                seen = await subscription.NextAsync(timeout.Token);
            }
            while (seen is not null && seen.ActiveOutages.All(o => o.OutageId != fault.OutageId));

            Assert.Contains(_feed.Current!.ActiveOutages, o => o.OutageId == fault.OutageId);
            Assert.True(_monitor.FailedPolls >= 1);
        }
        finally
        {
            await _monitor.StopAsync(CancellationToken.None);
        }
    }

    public void Dispose()
    {
        _monitor.Dispose();
        _database.Dispose();
    }
}
