namespace Flux.OpsCenter.Data.Grid;

/// <summary>One circuit of FLUX_OPS_CENTER_TOPOLOGY_FEEDERS.</summary>
public sealed record FeederSummary(
    string CircuitId,
    string CircuitName,
    string SubstationId,
    string SubstationName,
    string VoltageClass,
    double VoltageKv,
    double LengthMiles,
    long TransformerCount,
    long MeterCount,
    long CustomersServed,
    long CustomersOut,
    double CapacityKva,
    double CurrentLoadKw,
    double LoadPct,
    double? AvgHealth,
    string Status,
    string? TieCircuitId,
    string? TieSwitchId,
    double? CentroidLat,
    double? CentroidLon);
