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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Subscriber_gets_a_snapshot_then_ordered_deltas(bool messagePack)
    {
        factory.CreateClient().Dispose();
        await CurrentSnapshotAsync();
        var (connection, messages) = await ConnectAsync(messagePack);
        await using var _ = connection;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var snapshot = Assert.IsType<GridStatusSnapshot>(await messages.Reader.ReadAsync(timeout.Token));
        Assert.NotEmpty(snapshot.Circuits);
        var simulator = factory.Services.GetRequiredService<LiveEventSimulator>();
        var fault = await simulator.InjectFaultAsync(null, TestContext.Current.CancellationToken);
        Assert.NotNull(fault);
        await factory.Services.GetRequiredService<GridStatusMonitor>().PollOnceAsync(TestContext.Current.CancellationToken);

        GridStatusDelta delta;
        do
        {
            delta = Assert.IsType<GridStatusDelta>(await messages.Reader.ReadAsync(timeout.Token));
        }
        while (!delta.StartedOrChangedOutages.Any(o => o.OutageId == fault.OutageId));

        Assert.True(delta.Sequence > snapshot.Sequence);
        Assert.Equal(delta.Sequence - 1, delta.PreviousSequence);
        Assert.Contains(delta.ChangedCircuits, c => c.CircuitId == fault.CircuitId && c.CustomersOut >= fault.CustomersAffected);
    }

    [Fact]
    public async Task A_gap_in_sequence_is_healed_by_asking_for_the_snapshot()
    {
        factory.CreateClient().Dispose();
        await CurrentSnapshotAsync();
        var (connection, messages) = await ConnectAsync(messagePack: false);
        await using var _ = connection;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var held = Assert.IsType<GridStatusSnapshot>(await messages.Reader.ReadAsync(timeout.Token));
        var simulator = factory.Services.GetRequiredService<LiveEventSimulator>();
        var monitor = factory.Services.GetRequiredService<GridStatusMonitor>();

        // Two changes; the client "loses" the first delta, so the second one does not follow on from what it holds.
        await simulator.InjectFaultAsync(null, TestContext.Current.CancellationToken);
        await monitor.PollOnceAsync(TestContext.Current.CancellationToken);
        await simulator.InjectFaultAsync(null, TestContext.Current.CancellationToken);
        await monitor.PollOnceAsync(TestContext.Current.CancellationToken);
        var lost = Assert.IsType<GridStatusDelta>(await messages.Reader.ReadAsync(timeout.Token));
        var next = Assert.IsType<GridStatusDelta>(await messages.Reader.ReadAsync(timeout.Token));

        Assert.Equal(held.Sequence, lost.PreviousSequence);
        Assert.NotEqual(held.Sequence, next.PreviousSequence);
        var resynced = await connection.InvokeAsync<GridStatusSnapshot>("GetSnapshot", timeout.Token);
        Assert.True(resynced.Sequence >= next.Sequence);
        Assert.Equal(factory.Services.GetRequiredService<GridStatusFeed>().Current!.ActiveOutages.Count, resynced.ActiveOutages.Count);
    }
}
