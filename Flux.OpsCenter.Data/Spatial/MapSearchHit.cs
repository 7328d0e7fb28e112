namespace Flux.OpsCenter.Data.Spatial;

/// <summary>One asset a map search found: what it is, where it is and the zoom at which it shows individually.</summary>
public sealed record MapSearchHit(string AssetType, string AssetId, string Label, double Latitude, double Longitude, int Zoom);
