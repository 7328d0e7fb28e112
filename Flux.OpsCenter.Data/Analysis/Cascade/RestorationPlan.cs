namespace Flux.OpsCenter.Data.Analysis.Cascade;

/// <summary>The restoration sequence with crews working in parallel, and the hour at which 25/50/75/90/100 % of customers are back.</summary>
public sealed record RestorationPlan(int Crews, IReadOnlyList<RestorationStep> Steps, IReadOnlyList<RestorationMilestone> Milestones, double TotalHours);
