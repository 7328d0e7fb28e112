namespace Flux.OpsCenter.Data.Grid;

/// <summary>One connection of FLUX_OPS_CENTER_TOPOLOGY.</summary>
public sealed record TopologyEdge(
    string FromAssetId,
    string FromAssetType,
    double FromLatitude,
    double FromLongitude,
    string ToAssetId,
    string ToAssetType,
    double ToLatitude,
    double ToLongitude,
    string SubstationId,
    string? CircuitId,
    string Status,
    double VoltageKv);
