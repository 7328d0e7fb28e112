using System.Text.Json;
using Flux.OpsCenter.Data.Grid;

namespace Flux.OpsCenter.Data.Spatial;

/// <summary>
/// One viewport's features. Written as compact columnar JSON: coordinates are integers in quarter-pixel quanta
/// from the viewport's south-west corner, so a response stays small at any zoom.
/// </summary>
public sealed class MapFeatureResult
{
    // Six quarter-pixels: a trunk vertex closer than 1.5 px to the simplified line is not worth sending.
    private const double SimplifyTolerance = 6;

    private readonly GridSpatialIndex _index;

    internal MapFeatureResult(GridSpatialIndex index, GeoBox box, int zoom, IReadOnlyList<MapLayerResult> layers, bool truncated)
    {
        _index = index;
        Box = box;
        Zoom = zoom;
        Layers = layers;
        Truncated = truncated;
        Quantum = MapGrid.Quantum(zoom);
    }

    public GeoBox Box { get; }

    public int Zoom { get; }

    /// <summary>Degrees per coordinate unit in the JSON.</summary>
    public double Quantum { get; }

    public IReadOnlyList<MapLayerResult> Layers { get; }

    /// <summary>True when the cap left something out (clusters coarsened or laterals dropped).</summary>
    public bool Truncated { get; }

    public int FeatureCount => Layers.Sum(l => l.Features);

    /// <summary>The same features, marked truncated: a caller that asked again for fewer (a byte budget) says so.</summary>
    public MapFeatureResult AsTruncated() => Truncated ? this : new MapFeatureResult(_index, Box, Zoom, Layers, truncated: true);

    public MapLayerResult? Layer(MapLayers layer) => Layers.FirstOrDefault(l => l.Layer == layer);

    /// <summary>Writes <c>{zoom, origin, quantum, features, truncated, builtAt, statusAsOf, layers:[…]}</c>.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("zoom", Zoom);
        writer.WriteStartArray("origin");
        writer.WriteNumberValue(Box.MinLon);
        writer.WriteNumberValue(Box.MinLat);
        writer.WriteEndArray();
        writer.WriteNumber("quantum", Quantum);
        writer.WriteNumber("features", FeatureCount);
        writer.WriteBoolean("truncated", Truncated);
        writer.WriteString("builtAt", _index.BuiltAt);
        writer.WriteString("statusAsOf", _index.StatusAsOf);
        writer.WriteStartArray("layers");
        foreach (var layer in Layers)
        {
            writer.WriteStartObject();
            writer.WriteString("layer", MapLayerNames.Name(layer.Layer));
            writer.WriteString("mode", layer.Mode.ToString().ToLowerInvariant());
            writer.WriteNumber("features", layer.Features);
            writer.WriteNumber("assets", layer.Assets);
            switch (layer.Mode)
            {
                case MapLayerMode.Points:
                    WritePoints(writer, _index.Point(layer.Layer), layer.Items);
                    break;
                case MapLayerMode.Clusters:
                    WriteClusters(writer, layer.Level!, layer.Items);
                    break;
                default:
                    WriteLines(writer, _index.Feeders, layer);
                    break;
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private int X(double longitude) => (int)Math.Round((longitude - Box.MinLon) / Quantum);

    private int Y(double latitude) => (int)Math.Round((latitude - Box.MinLat) / Quantum);

    /// <summary>
    /// Front-coded ids in id order: <c>idp</c> holds how many leading characters an id shares with the one before,
    /// <c>id</c> the rest. Neighbouring assets have neighbouring ids, so most ids shrink to a character or two.
    /// </summary>
    private static void WriteIds(Utf8JsonWriter writer, List<int> items, string[] ids)
    {
        writer.WriteStartArray("idp");
        var previous = "";
        foreach (var i in items)
        {
            writer.WriteNumberValue(ids[i].AsSpan().CommonPrefixLength(previous));
            previous = ids[i];
        }

        writer.WriteEndArray();
        writer.WriteStartArray("id");
        previous = "";
        foreach (var i in items)
        {
            writer.WriteStringValue(ids[i].AsSpan(ids[i].AsSpan().CommonPrefixLength(previous)));
            previous = ids[i];
        }

        writer.WriteEndArray();
    }

    private void WritePoints(Utf8JsonWriter writer, PointLayer layer, List<int> items)
    {
        items.Sort((a, b) => layer.Ranks[a].CompareTo(layer.Ranks[b]));
        WriteIds(writer, items, layer.Ids);
        WriteCoordinates(writer, items, layer.Latitudes, layer.Longitudes);
        WriteBytes(writer, "s", items, layer.Statuses);
        if (layer.Layer == MapLayers.Devices)
        {
            WriteBytes(writer, "k", items, layer.Kinds);
        }
    }

    private void WriteClusters(Utf8JsonWriter writer, ClusterLevel level, List<int> items)
    {
        writer.WriteNumber("cell", MapGrid.CellDegrees(level.Zoom));
        WriteCoordinates(writer, items, level.Latitudes, level.Longitudes);
        writer.WriteStartArray("n");
        foreach (var i in items)
        {
            writer.WriteNumberValue(level.Counts[i]);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("a");
        foreach (var i in items)
        {
            writer.WriteNumberValue(level.Affected[i]);
        }

        writer.WriteEndArray();
        WriteBytes(writer, "s", items, level.Statuses);
    }

    private void WriteLines(Utf8JsonWriter writer, FeederLayer feeders, MapLayerResult layer)
    {
        layer.Items.Sort();
        var position = new Dictionary<int, int>(layer.Items.Count);
        foreach (var f in layer.Items)
        {
            position[f] = position.Count;
        }

        WriteIds(writer, layer.Items, feeders.CircuitIds);
        WriteBytes(writer, "s", layer.Items, feeders.Statuses);
        // Trunks: first vertex absolute, then deltas, simplified to what a screen at this zoom can show.
        writer.WriteStartArray("path");
        var longest = layer.Items.Count == 0 ? 0 : layer.Items.Max(f => feeders.Paths[f].Length / 2);
        var xBuffer = new int[longest];
        var yBuffer = new int[longest];
        var keepBuffer = new bool[longest];
        foreach (var f in layer.Items)
        {
            var path = feeders.Paths[f];
            var count = path.Length / 2;
            var xs = xBuffer.AsSpan(0, count);
            var ys = yBuffer.AsSpan(0, count);
            var keep = keepBuffer.AsSpan(0, count);
            keep.Clear();
            for (var v = 0; v < count; v++)
            {
                xs[v] = X(path[v * 2 + 1]);
                ys[v] = Y(path[v * 2]);
            }

            Simplify(xs, ys, keep, 0, count - 1, SimplifyTolerance);
            writer.WriteStartArray();
            int lastX = 0, lastY = 0;
            for (var v = 0; v < count; v++)
            {
                if (!keep[v])
                {
                    continue;
                }

                writer.WriteNumberValue(v == 0 ? xs[v] : xs[v] - lastX);
                writer.WriteNumberValue(v == 0 ? ys[v] : ys[v] - lastY);
                (lastX, lastY) = (xs[v], ys[v]);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("laterals");
        writer.WriteStartArray("f");
        foreach (var i in layer.Laterals)
        {
            writer.WriteNumberValue(position[feeders.LateralFeeders[i]]);
        }

        writer.WriteEndArray();
        WriteBytes(writer, "s", layer.Laterals, feeders.LateralStatuses);
        writer.WriteStartArray("seg");
        var c = feeders.LateralCoordinates;
        foreach (var i in layer.Laterals)
        {
            writer.WriteNumberValue(X(c[i * 4 + 1]));
            writer.WriteNumberValue(Y(c[i * 4]));
            writer.WriteNumberValue(X(c[i * 4 + 3]));
            writer.WriteNumberValue(Y(c[i * 4 + 2]));
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Douglas–Peucker: keeps the ends and every vertex farther than the tolerance from the chord between kept ones.</summary>
    private static void Simplify(Span<int> xs, Span<int> ys, Span<bool> keep, int first, int last, double tolerance)
    {
        keep[first] = keep[last] = true;
        if (last - first < 2)
        {
            return;
        }

        double dx = xs[last] - xs[first], dy = ys[last] - ys[first];
        var length = Math.Sqrt(dx * dx + dy * dy);
        var farthest = -1;
        var distance = tolerance;
        for (var v = first + 1; v < last; v++)
        {
            var d = length == 0
                ? Math.Sqrt(Math.Pow(xs[v] - xs[first], 2) + Math.Pow(ys[v] - ys[first], 2))
                : Math.Abs(dy * (xs[v] - xs[first]) - dx * (ys[v] - ys[first])) / length;
            if (d > distance)
            {
                distance = d;
                farthest = v;
            }
        }

        if (farthest > 0)
        {
            Simplify(xs, ys, keep, first, farthest, tolerance);
            Simplify(xs, ys, keep, farthest, last, tolerance);
        }
    }

    private void WriteCoordinates(Utf8JsonWriter writer, List<int> items, double[] latitudes, double[] longitudes)
    {
        writer.WriteStartArray("x");
        foreach (var i in items)
        {
            writer.WriteNumberValue(X(longitudes[i]));
        }

        writer.WriteEndArray();
        writer.WriteStartArray("y");
        foreach (var i in items)
        {
            writer.WriteNumberValue(Y(latitudes[i]));
        }

        writer.WriteEndArray();
    }

    private static void WriteBytes(Utf8JsonWriter writer, string name, List<int> items, byte[] values)
    {
        writer.WriteStartArray(name);
        foreach (var i in items)
        {
            writer.WriteNumberValue(values[i]);
        }

        writer.WriteEndArray();
    }
}
