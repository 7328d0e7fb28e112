using Flux.OpsCenter.Data.Grid;

namespace Flux.OpsCenter.Web.Api;

/// <summary>A selected tree: its scores, the line section it threatens, and the assets within 100 m with their distance and whether its fall zone reaches them.</summary>
public sealed record VegetationTreeResponse(VegetationTree Tree, FeederLineSegment? Line, IReadOnlyList<VegetationNearbyAsset> Assets);
