namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>
/// What saving a plan came to: saved (with its id), or refused because a step cannot run against the live topology
/// or because another open plan holds one of its devices. <see cref="Validation"/> is the study of every step either way.
/// </summary>
public sealed record SwitchingPlanSaveResult(
    string? PlanId,
    IReadOnlyList<StepValidation> Validation,
    string? HeldDeviceId,
    string? HoldingPlanId)
{
    public bool Saved => PlanId is not null;
}
