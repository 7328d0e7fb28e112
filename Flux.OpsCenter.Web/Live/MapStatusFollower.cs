using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Spatial;
using Flux.OpsCenter.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Web.Live;

/// <summary>
/// Recolours the map's shared spatial index when live status changes: follows the feed and, after a delta that
/// touches circuits or outages, refreshes the index's statuses (never more often than
/// <see cref="MapOptions.StatusRefreshInterval"/>; changes arriving meanwhile are folded into the next refresh).
/// </summary>
public sealed partial class MapStatusFollower(
    GridStatusFeed feed,
    IServiceProvider services,
    IOptions<MapOptions> options,
    TimeProvider time,
    ILogger<MapStatusFollower> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        // Resolved once the host runs, like the warm-up: resolving it opens the data source.
        var provider = services.GetRequiredService<GridSpatialIndexProvider>();
        using var subscription = feed.Subscribe(watching: false);
        var first = true;
        try
        {
            while (await subscription.NextAsync(stoppingToken) is not null)
            {
                var delta = subscription.LastDelta;
                // The first snapshot is what the index was (or is being) built from; a resync may hide any change.
                var touchesMap = delta is null ? !first
                    : delta.ChangedCircuits.Count > 0 || delta.StartedOrChangedOutages.Count > 0 || delta.EndedOutageIds.Count > 0;
                first = false;
                if (!touchesMap)
                {
                    continue;
                }

                await RefreshAsync(provider, stoppingToken);
                await Task.Delay(options.Value.StatusRefreshInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RefreshAsync(GridSpatialIndexProvider provider, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            var refresh = await provider.RefreshStatusAsync(cancellationToken);
            var elapsedMs = time.GetElapsedTime(started).TotalMilliseconds;
            Log.Refreshed(logger, refresh.ChangedFeatures, elapsedMs);
        }
        catch (FluxDataException ex)
        {
            // The map keeps its last colours; the next change tries again.
            Log.Failed(logger, ex, ex.Kind);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "Map statuses refreshed: {ChangedFeatures} features recoloured in {ElapsedMs:0} ms")]
        public static partial void Refreshed(ILogger logger, int changedFeatures, double elapsedMs);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Map status refresh failed ({Kind}); the map keeps its last colours")]
        public static partial void Failed(ILogger logger, Exception exception, DataErrorKind kind);
    }
}
