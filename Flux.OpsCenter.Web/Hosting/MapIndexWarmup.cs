using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Spatial;

namespace Flux.OpsCenter.Web.Hosting;

/// <summary>Builds the map's spatial index in the background once the app has started, so the first map needs no wait.</summary>
public sealed partial class MapIndexWarmup(IServiceProvider services, ILogger<MapIndexWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the server start listening first; the index is for the map, not for readiness. The provider is resolved
        // only now: resolving it opens the data source, which must not happen before start-up validation has run.
        await Task.Yield();
        var provider = services.GetRequiredService<GridSpatialIndexProvider>();
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            var index = await provider.GetAsync(stoppingToken);
            var meters = index.Count(MapLayers.Meters);
            var elapsedMs = TimeProvider.System.GetElapsedTime(started).TotalMilliseconds;
            Log.Built(logger, meters, elapsedMs);
        }
        catch (FluxDataException ex)
        {
            // The next map request retries the build.
            Log.Failed(logger, ex, ex.Kind);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Map spatial index built: {Meters} meters in {ElapsedMs:0} ms")]
        public static partial void Built(ILogger logger, int meters, double elapsedMs);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Map spatial index build failed ({Kind}); the next map request retries")]
        public static partial void Failed(ILogger logger, Exception exception, DataErrorKind kind);
    }
}
