namespace Flux.OpsCenter.Data.Analysis.Reliability;

/// <summary>
/// The system's last twelve months against the twelve before, each with and without Major Event Days, both periods under
/// the one IEEE 1366 2.5β rule of <see cref="ReliabilityService"/>: the Overview's SAIDI change with and without MEDs.
/// </summary>
public sealed record ReliabilityComparison(ReliabilityReport Current, ReliabilityReport Previous);
