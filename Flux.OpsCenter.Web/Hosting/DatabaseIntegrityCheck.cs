using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Flux.OpsCenter.Web.Hosting;

/// <summary>
/// Not ready once the embedded file has shown a damaged block (the map's warm-up reads most of it at start): such a
/// file opens and answers the KPI view, but pages that touch the damage fail, so the instance must not take traffic.
/// </summary>
public sealed class DatabaseIntegrityCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(services.GetService<EmbeddedDatabaseHost>() is { IsReady: true } host && host.GetSource().Damage is { } damage
            ? HealthCheckResult.Unhealthy($"The embedded database file has damaged blocks ({damage}). Restore it from a backup, or rebuild it.")
            : HealthCheckResult.Healthy());
}
