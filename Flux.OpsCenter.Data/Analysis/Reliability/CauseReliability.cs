namespace Flux.OpsCenter.Data.Analysis.Reliability;

/// <summary>The share of a period's interruptions that one cause contributed, with and without Major Event Days.</summary>
public sealed record CauseReliability(
    string Cause,
    ReliabilityIndices All,
    ReliabilityIndices ExcludingMajorEvents,
    double ShareOfCustomerMinutesPct);
