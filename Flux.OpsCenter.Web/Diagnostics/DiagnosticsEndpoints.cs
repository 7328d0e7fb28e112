using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.OpsCenter.Web.Diagnostics;

/// <summary>
/// <c>GET /api/diagnostics/memory[?compact=true]</c>: managed heap, GC heap, working set, open circuits and live
/// subscribers. With <c>compact=true</c> a full compacting collection runs first (at most once per 5 s, else 429).
/// </summary>
public static class DiagnosticsEndpoints
{
    public static IEndpointRouteBuilder MapDiagnosticsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/diagnostics/memory", Results<Ok<MemoryReport>, ProblemHttpResult> (bool? compact, MemoryDiagnostics diagnostics, HttpResponse response) =>
            {
                if (diagnostics.Measure(compact == true) is { } report)
                {
                    return TypedResults.Ok(report);
                }

                response.Headers.RetryAfter = MemoryDiagnostics.CompactionInterval.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(
                    $"A compacting collection ran less than {MemoryDiagnostics.CompactionInterval.TotalSeconds:0} s ago; try again later or omit compact.",
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many compactions");
            })
            .WithTags("Diagnostics").WithName("GetMemoryDiagnostics")
            .WithSummary("Managed heap, GC heap, working set, open circuits and live subscribers; compact=true runs a full compacting GC first, at most once per 5 s (else 429).");
        return endpoints;
    }
}
