using Flux.OpsCenter.Data.Queries;

namespace Flux.OpsCenter.Web.Api;

/// <summary>The JSON read API of DESIGN.md §11 for external consumers and tests.</summary>
public static class ReadApiEndpoints
{
    public static IEndpointRouteBuilder MapReadApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api");
        api.MapGet("/kpis", async (GridQueries queries, CancellationToken cancellationToken) =>
            await queries.GetKpisAsync(cancellationToken) is { } kpis ? Results.Ok(kpis) : Results.NotFound());
        api.MapGet("/circuits/status", async (GridQueries queries, int? limit, CancellationToken cancellationToken) =>
            Results.Ok(await queries.GetCircuitStatusAsync(limit ?? GridQueries.MaxRows, cancellationToken)));
        api.MapGet("/outages/active", async (GridQueries queries, CancellationToken cancellationToken) =>
            Results.Ok(await queries.GetActiveOutagesAsync(1_000, cancellationToken)));
        return endpoints;
    }
}
