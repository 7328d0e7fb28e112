namespace Flux.OpsCenter.Web.Hosting;

/// <summary>Map settings bound from <c>OpsCenter:Map</c>: the basemap under the grid.</summary>
public sealed class MapOptions
{
    public const string SectionName = "OpsCenter:Map";

    /// <summary>The tile URL template CARTO's dark basemap uses by default.</summary>
    public const string DarkCartoTiles = "https://{s}.basemaps.cartocdn.com/dark_all/{z}/{x}/{y}{r}.png";

    /// <summary>
    /// Basemap tile URL template (Leaflet syntax), or <c>none</c> for the built-in basemap only (offline, SPCS without an
    /// external access integration, tests). The built-in basemap also shows whenever tiles fail to load.
    /// </summary>
    public string TileUrl { get; set; } = DarkCartoTiles;

    /// <summary>Attribution the basemap's licence asks for.</summary>
    public string TileAttribution { get; set; } = "© OpenStreetMap contributors © CARTO";

    /// <summary>
    /// Shortest time between two recolourings of the map after live status changes; each reads the assets that are
    /// not energized (about 0.2 s of DuckDB work on the houston territory), so a storm cannot keep the server busy.
    /// </summary>
    public TimeSpan StatusRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>True when tiles are to be drawn over the built-in basemap.</summary>
    public bool HasTiles => !string.IsNullOrWhiteSpace(TileUrl) && !string.Equals(TileUrl, "none", StringComparison.OrdinalIgnoreCase);
}
