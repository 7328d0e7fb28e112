using Flux.OpsCenter.Web.Live;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Flux.OpsCenter.Web.Hosting;

/// <summary>
/// Ready when the live-status monitor's last poll succeeded and, on the embedded file, the territory is complete.
/// It reads what the monitor already knows and runs no query of its own: SPCS probes every few seconds, and a statement
/// per probe would keep the Snowflake warehouse from ever suspending (docs/warehouse-cost.md).
/// </summary>
public sealed class TerritoryReadinessCheck(GridStatusMonitor monitor, EmbeddedDatabaseHost? embedded = null) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (embedded is not null && !embedded.IsReady)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The embedded territory is not open yet."));
        }

        var failure = monitor.LastFailure;
        var result = (monitor.LastSuccessAt, failure) switch
        {
            (null, null) => HealthCheckResult.Unhealthy("No status poll has completed yet."),
            (null, _) => HealthCheckResult.Unhealthy($"No status poll has succeeded yet; the last one failed: {failure}"),
            (var at, not null) => HealthCheckResult.Unhealthy($"The last status poll failed ({failure}); the last success was at {at:u}."),
            (var at, null) => HealthCheckResult.Healthy($"Status polled successfully at {at:u}."),
        };
        return Task.FromResult(result);
    }
}
