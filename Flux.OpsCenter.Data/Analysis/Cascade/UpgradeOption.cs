namespace Flux.OpsCenter.Data.Analysis.Cascade;

/// <summary>A candidate upgrade with its cost, annual avoided loss, 5-year ROI % and payback years.</summary>
public sealed record UpgradeOption(string NodeId, string Upgrade, double Cost, double AnnualAvoidedLoss, double RoiPercent, double? PaybackYears);
