namespace Flux.OpsCenter.Data.Grid;

/// <summary>IEEE 1366 indices over one period; the indices are null when no outage was recorded in it.</summary>
public sealed record PriorPeriodReliability(DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, long Events, double? Saidi, double? Saifi, double? Caidi);
