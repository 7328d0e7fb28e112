namespace Flux.OpsCenter.Web.Api;

/// <summary>An asset near a selected tree.</summary>
public sealed record VegetationNearbyAsset(string Id, string Type, string CircuitId, double Latitude, double Longitude, double DistanceM, bool InFallZone);
