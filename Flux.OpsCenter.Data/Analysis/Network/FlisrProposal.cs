namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>
/// A proposed isolate-and-restore plan for a fault: the steps in order, each validated against the topology the steps
/// before it leave (customers restored per step, the picking-up feeder's loading), the customers left in the faulted
/// section, and notes on what could not be restored and why.
/// </summary>
public sealed record FlisrProposal(
    string TrippedDeviceId,
    string FaultedDeviceId,
    IReadOnlyList<StepValidation> Steps,
    int CustomersRestored,
    int CustomersInFaultedSection,
    IReadOnlyList<string> Notes);
