namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>
/// What running a plan (or one of its steps) came to: the steps applied now, the step that failed if one did (the steps
/// before it stay applied and recorded), and the plan as saved afterwards. <see cref="Refusal"/> is set instead when
/// nothing could start: the plan is not open, or the step asked for is not the next one.
/// </summary>
public sealed record SwitchingPlanRunResult(
    SwitchingPlan Plan,
    IReadOnlyList<StepValidation> Applied,
    StepValidation? Failed,
    string? Refusal)
{
    public bool Succeeded => Failed is null && Refusal is null;

    /// <summary>One sentence for the operator: what ran, and what did not and why.</summary>
    public string Message => Refusal ?? (Failed is null
        ? $"{Applied.Count} step(s) applied; plan {Plan.Summary.Status.ToLowerInvariant().Replace('_', ' ')}."
        : $"{Applied.Count} step(s) applied and recorded before step {Failed.Step} failed: {string.Join(' ', Failed.Messages)} Those steps stay applied.");
}
