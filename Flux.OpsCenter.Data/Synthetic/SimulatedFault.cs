namespace Flux.OpsCenter.Data.Synthetic;

/// <summary>
/// What the simulator did when a fault happened: the outage written and the customers behind its device. <paramref name="At"/>
/// is simulated time; <paramref name="StatusCommittedAt"/> the wall-clock moment the outage row (what status views read)
/// was committed, before the load and work-order writes that follow it.
/// </summary>
public sealed record SimulatedFault(
    string OutageId, string CircuitId, string DeviceId, string DeviceType, int CustomersAffected, bool IsMomentary, DateTimeOffset At,
    DateTimeOffset StatusCommittedAt);
