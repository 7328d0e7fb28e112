using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.OpsCenter.Web.Api;

/// <summary>
/// The JSON read API of DESIGN.md §11 for external consumers and tests. The hot reads answer from the live monitor's
/// snapshot (or a query shared per snapshot), never with one database query per request.
/// </summary>
public static class ReadApiEndpoints
{
    /// <summary>The most rows a read endpoint returns.</summary>
    public const int MaxLimit = GridQueries.MaxRows;

    public static IEndpointRouteBuilder MapReadApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api").WithTags("Live status");
        api.MapGet("/kpis", GetKpisAsync)
            .WithName("GetKpis").WithSummary("The KPI row of the Overview, as of the monitor's latest poll.");
        api.MapGet("/circuits/status", GetCircuitStatusAsync)
            .WithName("GetCircuitStatus").WithSummary($"Every circuit's live status; limit 1 to {MaxLimit}, default {MaxLimit}.");
        api.MapGet("/outages/active", GetActiveOutagesAsync)
            .WithName("GetActiveOutages").WithSummary($"Active outages, newest first; limit 1 to {MaxLimit}, default 1000.");
        api.MapGet("/alarms", GetAlarmsAsync)
            .WithName("GetAlarms").WithSummary("The alarm list (active, or raised or returned to normal in the last 24 hours) with priority, ISA-18.2 state, acknowledgement and shelf, highest priority first, newest first; limit 1 to 1000, default 200.");
        return endpoints;
    }

    private static async Task<Results<Ok<OpsKpis>, NotFound>> GetKpisAsync(LiveReads live, CancellationToken cancellationToken) =>
        (await live.SnapshotAsync(cancellationToken)).Kpis is { } kpis ? TypedResults.Ok(kpis) : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<CircuitStatus>>, ValidationProblem>> GetCircuitStatusAsync(
        [AsParameters] LimitQuery query, LiveReads live, CircuitStatusCache cache, CancellationToken cancellationToken)
    {
        if (!query.TryResolve(MaxLimit, MaxLimit, out var limit, out var problem))
        {
            return problem;
        }

        await live.SnapshotAsync(cancellationToken);
        var rows = await cache.GetAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<CircuitStatus>>([.. rows.Take(limit)]);
    }

    private static async Task<Results<Ok<IReadOnlyList<Outage>>, ValidationProblem>> GetActiveOutagesAsync(
        [AsParameters] LimitQuery query, LiveReads live, CancellationToken cancellationToken)
    {
        if (!query.TryResolve(1_000, MaxLimit, out var limit, out var problem))
        {
            return problem;
        }

        return TypedResults.Ok<IReadOnlyList<Outage>>([.. (await live.SnapshotAsync(cancellationToken)).ActiveOutages.Take(limit)]);
    }

    private static async Task<Results<Ok<IReadOnlyList<GridAlarm>>, ValidationProblem>> GetAlarmsAsync(
        [AsParameters] LimitQuery query, LiveReads live, CancellationToken cancellationToken)
    {
        if (!query.TryResolve(200, 1_000, out var limit, out var problem))
        {
            return problem;
        }

        return TypedResults.Ok<IReadOnlyList<GridAlarm>>([.. (await live.SnapshotAsync(cancellationToken)).Alarms.Take(limit)]);
    }
}
