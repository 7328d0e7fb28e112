namespace Flux.OpsCenter.Data.Grid;

/// <summary>The live state of one circuit, from CIRCUIT_STATUS_REALTIME.</summary>
public sealed record CircuitStatus(
    string CircuitId,
    string CircuitName,
    string SubstationId,
    string SubstationName,
    string Status,
    long CustomersServed,
    long CustomersOut,
    long ActiveOutages,
    DateTimeOffset? FirstOutageStart,
    double CurrentLoadKw,
    double CapacityKva,
    double LoadPct,
    double? AvgHealthScore,
    double? CentroidLat,
    double? CentroidLon,
    DateTimeOffset LastUpdated);
