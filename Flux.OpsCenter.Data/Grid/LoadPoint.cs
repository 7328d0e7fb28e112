namespace Flux.OpsCenter.Data.Grid;

/// <summary>One hour of metered load.</summary>
public sealed record LoadPoint(DateTimeOffset Hour, double LoadKw);
