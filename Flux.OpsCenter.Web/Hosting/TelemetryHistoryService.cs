using DuckDB.NET.Data;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Synthetic;

namespace Flux.OpsCenter.Web.Hosting;

/// <summary>
/// After first start, writes the telemetry days generation left pending (<see cref="TelemetryHistoryFiller"/>), so the
/// territory is served once its last two days exist and the older load history follows. A later start finds nothing
/// pending, or carries on from where a stopped process left off. The feeder page shows <see cref="Progress"/> meanwhile.
/// </summary>
public sealed partial class TelemetryHistoryService(EmbeddedDatabaseHost host, ILogger<TelemetryHistoryService> logger) : BackgroundService
{
    // A day's transaction can meet a simulator write on the same table (DuckDB's optimistic concurrency); the day is
    // still pending then, so it is tried again.
    private const int Attempts = 3;

    /// <summary>The fill's latest step while older history is being written, or null when the history is complete.</summary>
    public GenerationProgress? Progress { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var source = await host.GetSourceAsync(stoppingToken);
        await Task.Run(() => Fill(source, stoppingToken), stoppingToken);
    }

    private void Fill(DuckDbSource source, CancellationToken stoppingToken)
    {
        var progress = new FillProgress(this, logger);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                using var connection = source.OpenConnection();
                var days = TelemetryHistoryFiller.FillPending(connection, progress, stoppingToken);
                if (days > 0)
                {
                    Log.Done(logger, days);
                }

                Progress = null;
                return;
            }
            catch (DuckDBException ex)
            {
                Log.Failed(logger, attempt, Attempts, ex);
            }
        }
    }

    /// <summary>Keeps the latest step for the UI and logs each day as it starts.</summary>
    private sealed class FillProgress(TelemetryHistoryService service, ILogger logger) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value)
        {
            service.Progress = value.Fraction >= 1 ? null : value;
            Log.Step(logger, value.Stage);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "{Stage}")]
        public static partial void Step(ILogger logger, string stage);

        [LoggerMessage(Level = LogLevel.Information, Message = "Telemetry history filled: {Days} days")]
        public static partial void Done(ILogger logger, int days);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Filling the telemetry history failed (attempt {Attempt} of {Attempts}); the days not written stay pending")]
        public static partial void Failed(ILogger logger, int attempt, int attempts, Exception exception);
    }
}
