namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>A saved switching plan with its steps in order.</summary>
public sealed record SwitchingPlan(SwitchingPlanSummary Summary, IReadOnlyList<SwitchingPlanStepRecord> Steps);
