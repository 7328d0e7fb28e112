using Flux.OpsCenter.Data.Synthetic;
using Flux.OpsCenter.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.OpsCenter.Web.Api;

/// <summary>
/// Makes a status change happen now through the embedded simulator's own write path (the same rows, and the same
/// nudge to the status monitor, as a simulated fault or repair), for demos and the live-status benchmarks.
/// Mapped only in embedded mode with <c>OpsCenter:Simulator:ControlApi=true</c>: writes, so they need the Operate policy like every other write.
/// </summary>
public static class SimulatorApiEndpoints
{
    /// <summary>
    /// Response header with the wall-clock time (Unix milliseconds) at which the outage row, what the status views read, was
    /// committed, so a client on the same machine can time commit → seen without the request's queueing and other writes.
    /// </summary>
    public const string CommittedAtHeader = "Flux-Committed-At";

    public static IEndpointRouteBuilder MapSimulatorApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api/simulator").WithTags("Simulator").RequireAuthorization(OpsCenterPolicies.Operate);
        api.MapPost("/faults", InjectFaultAsync)
            .WithName("InjectFault").WithSummary("Opens a device now (breaker, recloser, fuse or transformer id; any healthy device when left out).");
        api.MapPost("/outages/{outageId}/restore", RestoreAsync)
            .WithName("RestoreOutage").WithSummary("Closes an active outage now, as a finished repair would.");
        return endpoints;
    }

    private static async Task<Results<Ok<SimulatedFault>, ProblemHttpResult>> InjectFaultAsync(LiveEventSimulator simulator, HttpResponse response, string? device, CancellationToken cancellationToken)
    {
        if (!simulator.IsInitialized)
        {
            return NotYetLoaded();
        }

        try
        {
            var fault = await simulator.InjectFaultAsync(device, cancellationToken);
            if (fault is not null)
            {
                StampCommit(response, fault.StatusCommittedAt);
            }

            return fault is not null
                ? TypedResults.Ok(fault)
                : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No fault was written",
                    detail: "The device's feeder already has an active outage, or nobody is behind the device.");
        }
        catch (ArgumentException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown device", detail: ex.Message.Length <= 200 ? ex.Message : $"{ex.Message[..200]}…");
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RestoreAsync(LiveEventSimulator simulator, HttpResponse response, string outageId, CancellationToken cancellationToken)
    {
        if (!simulator.IsInitialized)
        {
            return NotYetLoaded();
        }

        var restored = await simulator.RestoreOutageAsync(outageId, cancellationToken);
        if (restored is { } committed)
        {
            StampCommit(response, committed);
        }

        return restored is not null
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such active outage", detail: outageId.Length <= 64 ? outageId : $"{outageId[..64]}…");
    }

    private static void StampCommit(HttpResponse response, DateTimeOffset committed) =>
        response.Headers[CommittedAtHeader] = committed.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ProblemHttpResult NotYetLoaded() =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The simulator is still loading the territory");
}
