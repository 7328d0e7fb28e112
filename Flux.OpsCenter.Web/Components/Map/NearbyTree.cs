namespace Flux.OpsCenter.Web.Components.Map;

/// <summary>A tree within 100 m of the asset on the card: its risk, how far it stands, and whether it could fall onto the asset.</summary>
public sealed record NearbyTree(string TreeId, string Species, string RiskBand, string RiskLevel, double RiskScore, double DistanceM, bool InFallZone);
