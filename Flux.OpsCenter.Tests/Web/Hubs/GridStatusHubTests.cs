using Flux.OpsCenter.Data.Synthetic;
using Flux.OpsCenter.Tests.Support;
using Flux.OpsCenter.Web.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using System.Threading.Channels;

namespace Flux.OpsCenter.Tests.Web.Hubs;

public sealed class GridStatusHubTests(OpsCenterAppFactory factory) : IClassFixture<OpsCenterAppFactory>
{
    private async Task<(HubConnection Connection, Channel<object> Messages)> ConnectAsync(bool messagePack)
    {
        var server = factory.Server;
        var builder = new HubConnectionBuilder().WithUrl(new Uri(server.BaseAddress, "/hubs/grid-status"), options =>
        {
            options.Transports = HttpTransportType.LongPolling;
            options.HttpMessageHandlerFactory = _ => server.CreateHandler();
        });
        if (messagePack)
        {
            builder.AddMessagePackProtocol();
        }

        var connection = builder.Build();
        var messages = Channel.CreateUnbounded<object>();
        connection.On<GridStatusSnapshot>("Snapshot", s => messages.Writer.TryWrite(s));
        connection.On<GridStatusDelta>("Delta", d => messages.Writer.TryWrite(d));
        await connection.StartAsync(TestContext.Current.CancellationToken);
        return (connection, messages);
    }

    private async Task<GridStatusSnapshot> CurrentSnapshotAsync()
    {
        var feed = factory.Services.GetRequiredService<GridStatusFeed>();
        await factory.Services.GetRequiredService<GridStatusMonitor>().PollOnceAsync(TestContext.Current.CancellationToken);
        return feed.Current!;
    }

    /// <summary>
    /// The next delta after <paramref name="held"/>, skipping any the snapshot already covered (a delta published while
    /// the client connected may reach it after its snapshot).
    /// </summary>
    private static async Task<GridStatusDelta> NextDeltaAsync(Channel<object> messages, long held, CancellationToken cancellationToken)
    {
        while (true)
        {
            var delta = Assert.IsType<GridStatusDelta>(await messages.Reader.ReadAsync(cancellationToken));
            if (delta.Sequence > held)
            {
                return delta;
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Subscriber_gets_a_snapshot_then_ordered_deltas(bool messagePack)
    {
        factory.CreateClient().Dispose();
        await CurrentSnapshotAsync();
        var (connection, messages) = await ConnectAsync(messagePack);
        await using var _ = connection;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));

        var snapshot = Assert.IsType<GridStatusSnapshot>(await messages.Reader.ReadAsync(timeout.Token));
        Assert.NotEmpty(snapshot.Circuits);
        var simulator = factory.Services.GetRequiredService<LiveEventSimulator>();
        var fault = await simulator.InjectFaultAsync(null, TestContext.Current.CancellationToken);
        Assert.NotNull(fault);
        await factory.Services.GetRequiredService<GridStatusMonitor>().PollOnceAsync(TestContext.Current.CancellationToken);

        // The monitor also polls on its own, so the outage and its circuit's change may arrive in one delta or in two.
        var held = snapshot.Sequence;
        var sawOutage = false;
        var sawCircuit = false;
        while (!(sawOutage && sawCircuit))
        {
            var delta = await NextDeltaAsync(messages, held, timeout.Token);
            Assert.Equal(held, delta.PreviousSequence);
            Assert.Equal(delta.PreviousSequence + 1, delta.Sequence);
            held = delta.Sequence;
            sawOutage |= delta.StartedOrChangedOutages.Any(o => o.OutageId == fault.OutageId);
            sawCircuit |= delta.ChangedCircuits.Any(c => c.CircuitId == fault.CircuitId && c.CustomersOut >= fault.CustomersAffected);
        }
    }

    [Fact]
    public async Task A_gap_in_sequence_is_healed_by_asking_for_the_snapshot()
    {
        factory.CreateClient().Dispose();
        await CurrentSnapshotAsync();
        var (connection, messages) = await ConnectAsync(messagePack: false);
        await using var _ = connection;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var held = Assert.IsType<GridStatusSnapshot>(await messages.Reader.ReadAsync(timeout.Token));
        var simulator = factory.Services.GetRequiredService<LiveEventSimulator>();
        var monitor = factory.Services.GetRequiredService<GridStatusMonitor>();

        // Two changes, so at least two deltas; the client "loses" the first, so the next does not follow on from what it holds.
        var first = await simulator.InjectFaultAsync(null, TestContext.Current.CancellationToken);
        await monitor.PollOnceAsync(TestContext.Current.CancellationToken);
        var second = await simulator.InjectFaultAsync(null, TestContext.Current.CancellationToken);
        await monitor.PollOnceAsync(TestContext.Current.CancellationToken);
        Assert.NotNull(first);
        Assert.NotNull(second);
        var lost = await NextDeltaAsync(messages, held.Sequence, timeout.Token);
        var next = await NextDeltaAsync(messages, lost.Sequence, timeout.Token);

        Assert.Equal(held.Sequence, lost.PreviousSequence);
        Assert.NotEqual(held.Sequence, next.PreviousSequence);
        var resynced = await connection.InvokeAsync<GridStatusSnapshot>("GetSnapshot", timeout.Token);
        Assert.True(resynced.Sequence >= next.Sequence);
        Assert.Contains(resynced.ActiveOutages, o => o.OutageId == first.OutageId);
        Assert.Contains(resynced.ActiveOutages, o => o.OutageId == second.OutageId);
    }
}
