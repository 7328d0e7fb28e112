using System.Text.Json;

namespace Flux.OpsCenter.Web.Components.Map.Basemap;

/// <summary>
/// Reads a quantized TopoJSON topology (the us-atlas files) into polygons of longitude/latitude rings: arcs are
/// delta-encoded integers scaled by the transform, and a negative arc index (~i) is arc i reversed.
/// </summary>
internal sealed class TopoJsonTopology
{
    private readonly double[][][] _arcs;

    private TopoJsonTopology(double[][][] arcs, Dictionary<string, IReadOnlyList<TopoJsonShape>> objects)
    {
        _arcs = arcs;
        Objects = objects;
    }

    /// <summary>Each named object's shapes (counties, states, nation).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TopoJsonShape>> Objects { get; }

    public static TopoJsonTopology Read(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var transform = root.GetProperty("transform");
        var scale = transform.GetProperty("scale");
        var translate = transform.GetProperty("translate");
        var (sx, sy) = (scale[0].GetDouble(), scale[1].GetDouble());
        var (tx, ty) = (translate[0].GetDouble(), translate[1].GetDouble());
        var arcs = root.GetProperty("arcs").EnumerateArray().Select(arc =>
        {
            long x = 0, y = 0;
            return arc.EnumerateArray().Select(position =>
            {
                x += position[0].GetInt64();
                y += position[1].GetInt64();
                return new[] { tx + (x * sx), ty + (y * sy) };
            }).ToArray();
        }).ToArray();

        var topology = new TopoJsonTopology(arcs, []);
        var objects = new Dictionary<string, IReadOnlyList<TopoJsonShape>>(StringComparer.Ordinal);
        foreach (var named in root.GetProperty("objects").EnumerateObject())
        {
            objects[named.Name] = [.. named.Value.GetProperty("geometries").EnumerateArray().Select(topology.Shape)];
        }

        return new TopoJsonTopology(arcs, objects);
    }

    private TopoJsonShape Shape(JsonElement geometry)
    {
        var id = geometry.TryGetProperty("id", out var idValue) ? idValue.GetString() : null;
        var name = geometry.TryGetProperty("properties", out var properties) && properties.TryGetProperty("name", out var nameValue) ? nameValue.GetString() : null;
        var polygons = geometry.GetProperty("type").GetString() switch
        {
            "Polygon" => [Polygon(geometry.GetProperty("arcs"))],
            "MultiPolygon" => geometry.GetProperty("arcs").EnumerateArray().Select(Polygon).ToList(),
            _ => new List<double[][][]>(),
        };
        return new TopoJsonShape(id, name, polygons);
    }

    private double[][][] Polygon(JsonElement rings) => [.. rings.EnumerateArray().Select(Ring)];

    // Consecutive arcs share their joining point, so each arc after the first drops its first position.
    private double[][] Ring(JsonElement arcIndexes)
    {
        var ring = new List<double[]>();
        foreach (var index in arcIndexes.EnumerateArray().Select(i => i.GetInt32()))
        {
            var arc = index >= 0 ? _arcs[index] : [.. _arcs[~index].Reverse()];
            ring.AddRange(ring.Count == 0 ? arc : arc.Skip(1));
        }

        return [.. ring];
    }
}
