using Flux.OpsCenter.Data.Analysis.Network;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.OpsCenter.Web.Api;

/// <summary>
/// <c>GET /api/trace?asset=&amp;direction=upstream|downstream|isolation</c>: a network trace under the current device
/// states from a switching device, transformer, feeder (through its breaker) or substation. An unknown asset is a 404
/// and a missing asset or unknown direction a 400, both with problem details.
/// </summary>
public static class TraceEndpoints
{
    public static IEndpointRouteBuilder MapTraceApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/trace", TraceAsync)
            .WithName("TraceNetwork")
            .WithSummary("Traces upstream, downstream or for isolation from an asset under the live device states");
        return endpoints;
    }

    /// <summary>Parses a direction in any case; null when it is none of the three.</summary>
    public static TraceDirection? ParseDirection(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "UPSTREAM" => TraceDirection.Upstream,
        "DOWNSTREAM" => TraceDirection.Downstream,
        "ISOLATION" => TraceDirection.Isolation,
        _ => null,
    };

    private static async Task<Results<Ok<TraceResponse>, ValidationProblem, ProblemHttpResult>> TraceAsync(
        string? asset, string? direction, NetworkService network, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(asset) || asset.Length > 64)
        {
            errors["asset"] = ["asset must name a device, transformer, feeder or substation id (at most 64 characters)."];
        }

        var parsed = ParseDirection(direction);
        if (parsed is null)
        {
            errors["direction"] = ["direction must be upstream, downstream or isolation."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid trace request");
        }

        var trace = await network.TraceAsync(asset!, parsed!.Value, cancellationToken);
        return trace is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown asset",
                detail: $"No switching device, transformer, feeder or substation has the id '{asset!.Trim()}'.")
            : TypedResults.Ok(TraceResponse.From(trace));
    }
}
