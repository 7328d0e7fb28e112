namespace Flux.OpsCenter.Data.Spatial;

/// <summary>
/// One asset a map search found: what it is, where it is and the zoom at which it shows individually. A customer is
/// found at its meter, which <paramref name="LocatedAsset"/> names.
/// </summary>
public sealed record MapSearchHit(string AssetType, string AssetId, string Label, double Latitude, double Longitude, int Zoom, string? LocatedAsset = null)
{
    /// <summary>The map asset at the hit's position: the asset itself, or a customer's meter.</summary>
    public string MapAssetId => LocatedAsset ?? AssetId;
}
