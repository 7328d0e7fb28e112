namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>One saved switching plan as the list shows it: its status and how far it ran.</summary>
public sealed record SwitchingPlanSummary(
    string PlanId,
    string Name,
    string Status,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int StepCount,
    int StepsDone);
