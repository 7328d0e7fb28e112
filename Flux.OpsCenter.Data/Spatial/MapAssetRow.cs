namespace Flux.OpsCenter.Data.Spatial;

/// <summary>One point asset as the spatial index loads it: where it is and how it is doing.</summary>
public readonly record struct MapAssetRow(string AssetType, string AssetId, double Latitude, double Longitude, string Status, double? HealthScore);
