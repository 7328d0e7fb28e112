namespace Flux.OpsCenter.Web.Components.Map;

/// <summary>What the asset card adds for a switching device: live and normal state, energising feeder, what it feeds, last operation.</summary>
public sealed record MapDeviceDetails(
    string State,
    string NormalState,
    string? EnergizingCircuitId,
    int DownstreamCustomers,
    int DownstreamCriticalCareCustomers,
    DateTimeOffset? LastOperatedAt,
    string? LastOperation);
