namespace Flux.OpsCenter.Data.Grid;

/// <summary>
/// One rule of the outage lifecycle: the stages an action may start from, the stage it leads to (null when it leaves the
/// stage as it is, like an ETR), the stages where asking again is a no-op, and what to say when it is refused.
/// </summary>
public sealed record OutageTransition(
    OutageAction Action,
    IReadOnlySet<OutageStage> From,
    OutageStage? To,
    IReadOnlySet<OutageStage> AlreadyDoneIn,
    string Refusal);
