namespace Flux.OpsCenter.Data.Analysis.Reliability;

/// <summary>
/// IEEE 1366 indices of a period and scope, with Major Event Days included (<see cref="All"/>) and excluded
/// (<see cref="ExcludingMajorEvents"/>), the threshold they rest on and the system's Major Event Days in the period.
/// </summary>
public sealed record ReliabilityReport(
    ReliabilityPeriod Period,
    ReliabilityScope Scope,
    MajorEventThreshold Threshold,
    IReadOnlyList<MajorEventDay> MajorEventDays,
    ReliabilityIndices All,
    ReliabilityIndices ExcludingMajorEvents);
