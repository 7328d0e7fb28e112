using Flux.OpsCenter.Web.Live;
using Microsoft.AspNetCore.SignalR;

namespace Flux.OpsCenter.Web.Hubs;

/// <summary>
/// Live grid status for external subscribers at <c>/hubs/grid-status</c> (JSON or MessagePack). A client gets a
/// snapshot when it connects and every delta after; when a delta's PreviousSequence is not the sequence it holds,
/// it calls <see cref="GetSnapshot"/> to resync. Read-only: nothing here changes the grid.
/// </summary>
public sealed class GridStatusHub(GridStatusFeed feed) : Hub<IGridStatusClient>
{
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

    /// <summary>The current snapshot, for a client that saw a gap.</summary>
    public GridStatusSnapshot? GetSnapshot() => feed.Current;
}
