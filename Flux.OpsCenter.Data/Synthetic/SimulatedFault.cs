namespace Flux.OpsCenter.Data.Synthetic;

/// <summary>What the simulator did when a fault happened: the outage written and the customers behind its device.</summary>
public sealed record SimulatedFault(string OutageId, string CircuitId, string DeviceId, string DeviceType, int CustomersAffected, bool IsMomentary, DateTimeOffset At);
