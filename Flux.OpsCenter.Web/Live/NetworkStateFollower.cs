using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Analysis.Network;

namespace Flux.OpsCenter.Web.Live;

/// <summary>
/// Keeps the shared connectivity model on the live device states: after every delta that touches circuits or outages
/// (a trip, reclose or restoration moves a device) it re-reads the states, and the model re-derives energisation.
/// </summary>
public sealed partial class NetworkStateFollower(GridStatusFeed feed, NetworkService network, ILogger<NetworkStateFollower> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        // An internal follower: it runs whether or not anyone looks, so it must not keep the monitor on its fast interval.
        using var subscription = feed.Subscribe(watching: false);
        try
        {
            while (await subscription.NextAsync(stoppingToken) is not null)
            {
                var delta = subscription.LastDelta;
                if (delta is not null && delta.ChangedCircuits.Count == 0 && delta.StartedOrChangedOutages.Count == 0 && delta.EndedOutageIds.Count == 0)
                {
                    continue;
                }

                try
                {
                    if (await network.RefreshStatesAsync(stoppingToken))
                    {
                        Log.Rederived(logger);
                    }
                }
                catch (FluxDataException ex)
                {
                    // The model keeps its last states; the next change tries again.
                    Log.Failed(logger, ex, ex.Kind);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "Device states changed; energisation re-derived")]
        public static partial void Rederived(ILogger logger);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Device state refresh failed ({Kind}); the connectivity model keeps its last states")]
        public static partial void Failed(ILogger logger, Exception exception, DataErrorKind kind);
    }
}
