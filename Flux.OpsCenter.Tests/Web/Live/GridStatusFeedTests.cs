using Flux.OpsCenter.Tests.Support;
using Flux.OpsCenter.Web.Live;
using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Tests.Web.Live;

public sealed class GridStatusFeedTests
{
    private static GridStatusFeed Feed(int buffer = 64) => new(Options.Create(new LiveOptions { SubscriberBuffer = buffer }));

    private static GridStatusSnapshot Snapshot(long sequence, params CircuitState[] circuits) =>
        new(sequence, DateTimeOffset.UnixEpoch.AddSeconds(sequence), null, Builders.Kpis(customersOut: sequence), circuits, [], []);

    private static CircuitState Circuit(string id, long customersOut) =>
        new(id, id, "SUB-001", "Alpha", customersOut > 0 ? "PARTIAL" : "ENERGIZED", 100, customersOut, customersOut > 0 ? 1 : 0, 40, 80);

    [Fact]
    public async Task Subscriber_gets_the_snapshot_first_then_deltas_in_order()
    {
        var feed = Feed();
        var first = Snapshot(1, Circuit("FDR-1", 0));
        feed.Publish(first, null);
        using var subscription = feed.Subscribe();
        var second = Snapshot(2, Circuit("FDR-1", 12));
        feed.Publish(second, GridStatusDiff.Between(first, second));
        var third = Snapshot(3, Circuit("FDR-1", 0));
        feed.Publish(third, GridStatusDiff.Between(second, third));

        var a = await subscription.NextAsync(TestContext.Current.CancellationToken);
        var b = await subscription.NextAsync(TestContext.Current.CancellationToken);
        var c = await subscription.NextAsync(TestContext.Current.CancellationToken);

        Assert.Equal([1L, 2L, 3L], [a!.Sequence, b!.Sequence, c!.Sequence]);
        Assert.Equal(12, b.Circuits.Single().CustomersOut);
        Assert.Equal(0, c.Circuits.Single().CustomersOut);
        Assert.Equal(0, subscription.Resyncs);
    }

    [Fact]
    public async Task Slow_subscriber_drops_oldest_never_blocks_the_publisher_and_resyncs_on_the_gap()
    {
        var feed = Feed(buffer: 4);
        var previous = Snapshot(1, Circuit("FDR-1", 0));
        feed.Publish(previous, null);
        using var slow = feed.Subscribe();

        // Publishing far more than the buffer must return at once: the monitor is never held up by a subscriber.
        for (var sequence = 2; sequence <= 100; sequence++)
        {
            var next = Snapshot(sequence, Circuit("FDR-1", sequence));
            feed.Publish(next, GridStatusDiff.Between(previous, next));
            previous = next;
        }

        // The snapshot and early deltas were dropped: the first delta it reads does not follow on, so it resyncs.
        var state = await slow.NextAsync(TestContext.Current.CancellationToken);

        Assert.Equal(100, state!.Sequence);
        Assert.Equal(100, state.Circuits.Single().CustomersOut);
        Assert.True(slow.Resyncs >= 1);
    }

    [Fact]
    public async Task Subscribers_in_step_share_the_published_snapshot_instead_of_copying_it()
    {
        var feed = Feed();
        var first = Snapshot(1, Circuit("FDR-1", 0), Circuit("FDR-2", 0));
        feed.Publish(first, null);
        using var one = feed.Subscribe();
        using var two = feed.Subscribe();
        var second = Snapshot(2, Circuit("FDR-1", 12), Circuit("FDR-2", 0));
        var delta = GridStatusDiff.Between(first, second);
        feed.Publish(second, delta);

        await one.NextAsync(TestContext.Current.CancellationToken);
        var a = await one.NextAsync(TestContext.Current.CancellationToken);
        await two.NextAsync(TestContext.Current.CancellationToken);
        var b = await two.NextAsync(TestContext.Current.CancellationToken);

        Assert.Same(second, a);
        Assert.Same(second, b);
        Assert.Same(delta, one.LastDelta);
        Assert.Equal(["FDR-1"], one.LastDelta!.ChangedCircuits.Select(c => c.CircuitId));
    }

    [Fact]
    public async Task The_hub_relay_still_reads_the_delta_as_published()
    {
        var feed = Feed();
        var first = Snapshot(1, Circuit("FDR-1", 0));
        feed.Publish(first, null);
        using var relay = feed.Subscribe();
        var second = Snapshot(2, Circuit("FDR-1", 3));
        var delta = GridStatusDiff.Between(first, second);
        feed.Publish(second, delta);

        Assert.Same(first, await relay.NextMessageAsync(TestContext.Current.CancellationToken));
        Assert.Same(delta, await relay.NextMessageAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Delta_applied_to_a_snapshot_equals_the_next_snapshot()
    {
        var before = Snapshot(7, Circuit("FDR-1", 0), Circuit("FDR-2", 5));
        var after = Snapshot(8, Circuit("FDR-1", 9), Circuit("FDR-2", 5));

        var delta = GridStatusDiff.Between(before, after);
        var applied = GridStatusDiff.Apply(before, delta);

        Assert.Single(delta.ChangedCircuits);
        Assert.Equal(after.Circuits.OrderBy(c => c.CircuitId), applied.Circuits.OrderBy(c => c.CircuitId));
        Assert.Equal(after.Kpis, applied.Kpis);
        Assert.Equal(8, applied.Sequence);
    }

    [Fact]
    public void Unsubscribing_removes_the_subscriber()
    {
        var feed = Feed();
        var subscription = feed.Subscribe();
        Assert.Equal(1, feed.SubscriberCount);

        subscription.Dispose();

        Assert.Equal(0, feed.SubscriberCount);
    }
}
