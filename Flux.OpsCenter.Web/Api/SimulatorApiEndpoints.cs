using Flux.OpsCenter.Data.Synthetic;

namespace Flux.OpsCenter.Web.Api;

/// <summary>
/// Makes a status change happen now through the embedded simulator's own write path (the same rows, and the same
/// nudge to the status monitor, as a simulated fault or repair), for demos and the live-status benchmarks.
/// Mapped only in embedded mode with <c>OpsCenter:Simulator:ControlApi=true</c>: these are unauthenticated writes.
/// </summary>
public static class SimulatorApiEndpoints
{
    public static IEndpointRouteBuilder MapSimulatorApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api/simulator");
        api.MapPost("/faults", InjectFaultAsync);
        api.MapPost("/outages/{outageId}/restore", RestoreAsync);
        return endpoints;
    }

    private static async Task<IResult> InjectFaultAsync(LiveEventSimulator simulator, string? device, CancellationToken cancellationToken)
    {
        if (!simulator.IsInitialized)
        {
            return NotYetLoaded();
        }

        try
        {
            return await simulator.InjectFaultAsync(device, cancellationToken) is { } fault
                ? Results.Ok(fault)
                : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "No fault was written",
                    detail: "The device's feeder already has an active outage, or nobody is behind the device.");
        }
        catch (ArgumentException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown device", detail: ex.Message);
        }
    }

    private static async Task<IResult> RestoreAsync(LiveEventSimulator simulator, string outageId, CancellationToken cancellationToken)
    {
        if (!simulator.IsInitialized)
        {
            return NotYetLoaded();
        }

        return await simulator.RestoreOutageAsync(outageId, cancellationToken)
            ? Results.NoContent()
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such active outage", detail: outageId);
    }

    private static IResult NotYetLoaded() =>
        Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The simulator is still loading the territory");
}
