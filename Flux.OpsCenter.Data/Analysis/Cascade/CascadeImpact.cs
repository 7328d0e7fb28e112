namespace Flux.OpsCenter.Data.Analysis.Cascade;

/// <summary>What a cascade costs and what to do about it: economic impact, mitigation playbook, restoration plan and upgrade ROI.</summary>
public sealed record CascadeImpact(
    EconomicImpact Economic,
    IReadOnlyList<MitigationAction> Mitigation,
    RestorationPlan Restoration,
    IReadOnlyList<UpgradeOption> Investments);
