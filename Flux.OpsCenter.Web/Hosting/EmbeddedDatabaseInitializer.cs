namespace Flux.OpsCenter.Web.Hosting;

/// <summary>
/// Opens the embedded database before the server starts listening when the file exists (a bad file then stops the
/// start with its message). A territory still to be generated is generated in the background instead, so the port
/// answers at once and pages show the progress (<see cref="GenerationProgressMiddleware"/>); if that fails, the app
/// stops with the message and exit code 1.
/// </summary>
public sealed partial class EmbeddedDatabaseInitializer(EmbeddedDatabaseHost host, IHostApplicationLifetime lifetime, ILogger<EmbeddedDatabaseInitializer> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!host.NeedsGeneration)
        {
            host.GetSource();
            return Task.CompletedTask;
        }

        _ = host.StartAsync().ContinueWith(
            generation =>
            {
                var reason = generation.Exception?.GetBaseException().Message ?? "unknown";
                Log.GenerationFailed(logger, reason);
                Console.Error.WriteLine($"Flux Operations Center cannot start: {reason}");
                Environment.ExitCode = 1;
                lifetime.StopApplication();
            },
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Critical, Message = "Generating the embedded territory failed: {Reason}")]
        public static partial void GenerationFailed(ILogger logger, string reason);
    }
}
