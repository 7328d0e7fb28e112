namespace Flux.OpsCenter.Data.Grid;

/// <summary>One feeder of the trimming work list: its trees by band, those whose fall zone reaches the line, and its customers.</summary>
public sealed record VegetationFeederRisk(
    string CircuitId,
    string CircuitName,
    string SubstationId,
    long Trees,
    long HighTrees,
    long MediumTrees,
    long LowTrees,
    long TreesInFallZone,
    double MaxRiskScore,
    long CustomersServed,
    DateOnly? OldestTrim);
