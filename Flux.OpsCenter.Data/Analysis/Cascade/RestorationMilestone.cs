namespace Flux.OpsCenter.Data.Analysis.Cascade;

/// <summary>When a share of the interrupted customers is back on.</summary>
public sealed record RestorationMilestone(int Percent, double Hour, int Customers);
