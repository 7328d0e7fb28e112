using Flux.OpsCenter.Web.Live;
using Microsoft.AspNetCore.SignalR;

namespace Flux.OpsCenter.Web.Hubs;

/// <summary>
/// Live grid status for external subscribers at <c>/hubs/grid-status</c> (JSON or MessagePack). A client gets a
/// snapshot when it connects and every delta after; when a delta's PreviousSequence is not the sequence it holds,
/// it calls <see cref="GetSnapshot"/> to resync. Read-only: nothing here changes the grid.
/// </summary>
public sealed class GridStatusHub(GridStatusFeed feed, TimeProvider time) : Hub<IGridStatusClient>
{
    /// <summary>Shortest time between two snapshots one connection may ask for: a resync needs one, a loop would cost 700 KB each.</summary>
    public static readonly TimeSpan SnapshotInterval = TimeSpan.FromSeconds(1);

    private const string LastSnapshotKey = "flux-last-snapshot";

    public override async Task OnConnectedAsync()
    {
        if (feed.Current is { } snapshot)
        {
            await Clients.Caller.Snapshot(snapshot);
        }

        await base.OnConnectedAsync();
        feed.AddWatcher();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        feed.RemoveWatcher();
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>The current snapshot, for a client that saw a gap; at most one per <see cref="SnapshotInterval"/> per connection.</summary>
    public GridStatusSnapshot? GetSnapshot()
    {
        var now = time.GetUtcNow();
        if (Context.Items.TryGetValue(LastSnapshotKey, out var last) && last is DateTimeOffset previous && now - previous < SnapshotInterval)
        {
            throw new HubException($"Too many snapshot requests: at most one per {SnapshotInterval.TotalSeconds:0} s per connection.");
        }

        Context.Items[LastSnapshotKey] = now;
        return feed.Current;
    }
}
