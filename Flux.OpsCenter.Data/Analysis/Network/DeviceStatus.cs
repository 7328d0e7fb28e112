namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>A device as the asset card shows it: live state, last operation, the feeder energising it and what it feeds.</summary>
public sealed record DeviceStatus(
    SwitchingDevice Device,
    bool IsOpen,
    DateTimeOffset? LastOperatedAt,
    string? LastOperation,
    string? EnergizingCircuitId,
    int DownstreamCustomers,
    int DownstreamCriticalCareCustomers);
