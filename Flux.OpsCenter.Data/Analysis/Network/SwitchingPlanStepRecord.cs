namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>One saved step of a plan: the device, the action, and once run who ran it, when and what came of it.</summary>
public sealed record SwitchingPlanStepRecord(
    int Step,
    string DeviceId,
    SwitchingAction Action,
    string Status,
    string? ExecutedBy,
    DateTimeOffset? ExecutedAt,
    string? Result);
