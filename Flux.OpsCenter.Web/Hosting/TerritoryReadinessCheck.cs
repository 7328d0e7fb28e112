using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Queries;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Flux.OpsCenter.Web.Hosting;

/// <summary>Ready when the data source answers the KPI view: the database is open and the territory complete.</summary>
public sealed class TerritoryReadinessCheck(GridQueries queries) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var kpis = await queries.GetKpisAsync(cancellationToken);
            return kpis is null
                ? HealthCheckResult.Unhealthy("The KPI view returned no row.")
                : HealthCheckResult.Healthy($"{queries.SourceKind} data as of {kpis.AsOf:u}");
        }
        catch (FluxDataException ex)
        {
            return HealthCheckResult.Unhealthy($"{ex.Source} {ex.Kind}: {ex.Message}");
        }
    }
}
