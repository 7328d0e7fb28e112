namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>
/// One step checked against the topology left by the steps before it: the customers it would de-energise or restore,
/// the feeder picking load up and its loading against rating (24-hour peak kW against kVA rating), and why it warns or is refused.
/// </summary>
public sealed record StepValidation(
    int Step,
    string DeviceId,
    SwitchingAction Action,
    StepOutcome Outcome,
    IReadOnlyList<string> Messages,
    int CustomersDeEnergized,
    int CriticalCareDeEnergized,
    int CustomersRestored,
    string? PickingUpCircuitId,
    double? PickingUpLoadPct);
