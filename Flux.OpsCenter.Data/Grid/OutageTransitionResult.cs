namespace Flux.OpsCenter.Data.Grid;

/// <summary>The outcome of a lifecycle request, the outage's stage afterwards, and why when it was not applied.</summary>
public sealed record OutageTransitionResult(OutageTransitionOutcome Outcome, string OutageId, OutageStage? Stage, string? Message);
