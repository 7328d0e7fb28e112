using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Analysis;

namespace Flux.OpsCenter.Web.Hosting;

/// <summary>
/// At first start, derives the grid graph and its centrality (embedded file) and fills PRECOMPUTED_CASCADES and GNN_PREDICTIONS
/// in the background (generation leaves them out, to stay inside its time budget). The cascade page shows
/// <see cref="CascadeService.Status"/> meanwhile.
/// </summary>
public sealed partial class CascadePrecomputeService(IServiceProvider services, ILogger<CascadePrecomputeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        // Resolved only once the host runs: the database (behind CascadeService) is opened by the initializer first,
        // and a bad configuration must fail start there, with its message, not while hosted services are built.
        var cascade = services.GetRequiredService<CascadeService>();
        try
        {
            await cascade.EnsurePrecomputedAsync(stoppingToken);
            Log.Done(logger, cascade.Status.Total);
        }
        catch (FluxDataException ex)
        {
            Log.Failed(logger, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Cascade precompute ready: {Scenarios} scenarios")]
        public static partial void Done(ILogger logger, int scenarios);

        [LoggerMessage(Level = LogLevel.Error, Message = "Cascade precompute failed")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
