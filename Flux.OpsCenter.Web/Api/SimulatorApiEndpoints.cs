using Flux.OpsCenter.Data.Synthetic;
using Flux.OpsCenter.Web.Identity;

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
        var api = endpoints.MapGroup("/api/simulator").RequireAuthorization(OpsCenterPolicies.Operate);
        api.MapPost("/faults", InjectFaultAsync);
        api.MapPost("/outages/{outageId}/restore", RestoreAsync);
        return endpoints;
    }

    private static async Task<IResult> InjectFaultAsync(LiveEventSimulator simulator, HttpResponse response, string? device, CancellationToken cancellationToken)
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
                ? Results.Ok(fault)
                : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "No fault was written",
                    detail: "The device's feeder already has an active outage, or nobody is behind the device.");
        }
        catch (ArgumentException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown device", detail: ex.Message);
        }
    }

    private static async Task<IResult> RestoreAsync(LiveEventSimulator simulator, HttpResponse response, string outageId, CancellationToken cancellationToken)
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
            ? Results.NoContent()
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such active outage", detail: outageId);
    }

    private static void StampCommit(HttpResponse response, DateTimeOffset committed) =>
        response.Headers[CommittedAtHeader] = committed.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static IResult NotYetLoaded() =>
        Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The simulator is still loading the territory");
}
