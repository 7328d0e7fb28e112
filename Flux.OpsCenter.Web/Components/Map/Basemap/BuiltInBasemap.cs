using System.Text.Json;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Spatial;

namespace Flux.OpsCenter.Web.Components.Map.Basemap;

/// <summary>
/// The basemap the app serves itself, so the map is never blank where tiles cannot load (SPCS without an external access
/// integration, offline, <c>TileUrl=none</c>): land and county boundaries around the territory from the U.S. Census
/// Bureau's cartographic boundaries (npm <c>us-atlas</c> 3.0.1, public domain), as GeoJSON built once per process.
/// </summary>
public sealed class BuiltInBasemap(GridSpatialIndexProvider index) : IDisposable
{
    /// <summary>Where the build puts us-atlas's counties topology, next to the app's assembly.</summary>
    public static readonly string TopologyPath = Path.Combine(AppContext.BaseDirectory, "Basemap", "counties-10m.json");

    // Counties within this margin of the territory are drawn with their boundaries; states within the wider one as land,
    // so zooming out shows the coast and the neighbours instead of a sea.
    private const double CountyMarginDegrees = 1.0;
    private const double LandMarginDegrees = 6.0;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _geoJson;

    /// <summary>The GeoJSON FeatureCollection: one <c>land</c> feature, then one <c>county</c> feature per nearby county.</summary>
    public async Task<byte[]> GetGeoJsonAsync(CancellationToken cancellationToken)
    {
        if (_geoJson is { } built)
        {
            return built;
        }

        var extent = (await index.GetAsync(cancellationToken)).Extent;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _geoJson ??= await Task.Run(() => Build(extent), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    internal static byte[] Build(GeoBox territory)
    {
        TopoJsonTopology topology;
        using (var file = File.OpenRead(TopologyPath))
        {
            topology = TopoJsonTopology.Read(file);
        }

        var land = topology.Objects["states"].Where(s => Near(s, territory, LandMarginDegrees)).SelectMany(s => s.Polygons).ToList();
        var counties = topology.Objects["counties"].Where(c => Near(c, territory, CountyMarginDegrees)).ToList();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
            WriteFeature(json, "land", null, null, land);
            foreach (var county in counties)
            {
                WriteFeature(json, "county", county.Id, county.Name, county.Polygons);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static bool Near(TopoJsonShape shape, GeoBox territory, double margin) =>
        shape.Intersects(territory.MinLon - margin, territory.MinLat - margin, territory.MaxLon + margin, territory.MaxLat + margin);

    private static void WriteFeature(Utf8JsonWriter json, string kind, string? id, string? name, IReadOnlyList<double[][][]> polygons)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        if (id is not null)
        {
            json.WriteString("id", id);
        }

        json.WriteStartObject("properties");
        json.WriteString("kind", kind);
        if (name is not null)
        {
            json.WriteString("name", name);
        }

        json.WriteEndObject();
        json.WriteStartObject("geometry");
        json.WriteString("type", "MultiPolygon");
        json.WriteStartArray("coordinates");
        foreach (var polygon in polygons)
        {
            json.WriteStartArray();
            foreach (var ring in polygon)
            {
                json.WriteStartArray();
                foreach (var position in ring)
                {
                    // Four decimals (about 10 m) is finer than the 1:10,000,000 source.
                    json.WriteStartArray();
                    json.WriteNumberValue(Math.Round(position[0], 4));
                    json.WriteNumberValue(Math.Round(position[1], 4));
                    json.WriteEndArray();
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
