namespace Flux.OpsCenter.Data.Analysis.Graph;

/// <summary>One row of ML_DEMO.GRID_NODES as the graph engine reads it.</summary>
public sealed record GridNodeRow(
    string Id,
    GridNodeType Type,
    string? Name,
    string? ParentId,
    string? SubstationId,
    string? CircuitId,
    double Latitude,
    double Longitude,
    double VoltageKv,
    double CapacityKw,
    double LoadFactor,
    double AgeYears,
    double HealthScore,
    double CriticalityScore,
    int DownstreamCustomers);
