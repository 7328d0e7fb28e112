namespace Flux.OpsCenter.Web.Hosting;

/// <summary>Opens (or generates) the embedded database before the server starts listening.</summary>
public sealed class EmbeddedDatabaseInitializer(EmbeddedDatabaseHost host) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        host.GetSource();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
