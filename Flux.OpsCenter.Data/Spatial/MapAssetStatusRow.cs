namespace Flux.OpsCenter.Data.Spatial;

/// <summary>One point asset's live status word and health, as the map's status refresh reads it.</summary>
public readonly record struct MapAssetStatusRow(string AssetType, string AssetId, string Status, double? HealthScore);
