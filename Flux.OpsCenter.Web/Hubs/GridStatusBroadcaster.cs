using Flux.OpsCenter.Web.Live;
using Microsoft.AspNetCore.SignalR;

namespace Flux.OpsCenter.Web.Hubs;

/// <summary>
/// The hub's one subscription to the feed: relays every snapshot and delta, in order, to all connected clients.
/// If this relay ever falls behind, its channel drops the oldest deltas and clients resync on the gap.
/// </summary>
public sealed class GridStatusBroadcaster(GridStatusFeed feed, IHubContext<GridStatusHub, IGridStatusClient> hub) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Hub clients count as watchers themselves (GridStatusHub); the relay runs whether or not any is connected.
        using var subscription = feed.Subscribe(watching: false);
        while (await subscription.NextMessageAsync(stoppingToken) is { } message)
        {
            switch (message)
            {
                case GridStatusDelta delta:
                    await hub.Clients.All.Delta(delta);
                    break;
                case GridStatusSnapshot snapshot:
                    await hub.Clients.All.Snapshot(snapshot);
                    break;
            }
        }
    }
}
