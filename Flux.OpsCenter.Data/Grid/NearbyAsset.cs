namespace Flux.OpsCenter.Data.Grid;

/// <summary>An asset (transformer, pole or switching device) near a point, with where it stands.</summary>
public sealed record NearbyAsset(string AssetId, string AssetType, string CircuitId, double Latitude, double Longitude);
