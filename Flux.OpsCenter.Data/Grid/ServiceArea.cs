namespace Flux.OpsCenter.Data.Grid;

/// <summary>The extent a circuit serves, from FLUX_OPS_CENTER_SERVICE_AREAS_MV.</summary>
public sealed record ServiceArea(
    string CircuitId,
    string SubstationId,
    string SubstationName,
    double? CentroidLat,
    double? CentroidLon,
    double? MinLat,
    double? MaxLat,
    double? MinLon,
    double? MaxLon,
    long CustomerCount,
    double? AvgLoadPct,
    double? AvgHealthScore);
