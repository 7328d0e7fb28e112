namespace Flux.OpsCenter.Data.Analysis.Reliability;

/// <summary>One calendar month (UTC) of a period: its indices with and without Major Event Days.</summary>
public sealed record MonthlyReliability(DateTimeOffset Month, ReliabilityIndices All, ReliabilityIndices ExcludingMajorEvents);
