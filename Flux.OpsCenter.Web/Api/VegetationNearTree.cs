namespace Flux.OpsCenter.Web.Api;

/// <summary>A tree near a point (an asset's card): its band, level and score, how far it stands, and whether it could fall onto the point.</summary>
public sealed record VegetationNearTree(string TreeId, string Species, string RiskBand, string RiskLevel, double RiskScore, double DistanceM, bool InFallZone);
