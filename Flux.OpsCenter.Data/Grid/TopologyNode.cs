namespace Flux.OpsCenter.Data.Grid;

/// <summary>One asset of FLUX_OPS_CENTER_TOPOLOGY_NODES.</summary>
public sealed record TopologyNode(
    string AssetId,
    string AssetType,
    string AssetName,
    string SubstationId,
    string? CircuitId,
    double Latitude,
    double Longitude,
    string Status,
    double VoltageKv,
    double? HealthScore,
    double? LoadPct,
    long? Customers);
