namespace Flux.OpsCenter.Data.Grid;

/// <summary>A latitude/longitude rectangle (WGS 84 degrees).</summary>
public readonly record struct GeoBox(double MinLon, double MinLat, double MaxLon, double MaxLat)
{
    /// <summary>True when the corners are ordered and within the valid ranges of longitude and latitude.</summary>
    public bool IsValid =>
        MinLon >= -180 && MaxLon <= 180 && MinLat >= -90 && MaxLat <= 90 && MinLon <= MaxLon && MinLat <= MaxLat;

    public bool Contains(double latitude, double longitude) =>
        latitude >= MinLat && latitude <= MaxLat && longitude >= MinLon && longitude <= MaxLon;
}
