namespace Flux.OpsCenter.Data.Analysis.Graph;

/// <summary>One row of ML_DEMO.GRID_EDGES as the graph engine reads it.</summary>
public sealed record GridEdgeRow(string FromId, string ToId, GridEdgeType Type, double DistanceKm, bool IsNormallyOpen);
