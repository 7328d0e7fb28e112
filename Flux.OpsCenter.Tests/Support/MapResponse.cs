using System.Text.Json;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>A decoded /api/map/features body: per layer its mode, counts, ids and positions.</summary>
internal sealed record MapResponse(int Zoom, int Features, bool Truncated, IReadOnlyDictionary<string, MapResponse.Layer> Layers)
{
    public sealed record Layer(string Mode, int Features, long Assets, IReadOnlyList<string> Ids, IReadOnlyList<(double Latitude, double Longitude)> Positions, IReadOnlyList<int> Counts)
    {
        /// <summary>Per feature its map status (0 energized, 1 partial, 2 outage, 3 overloaded, 4 unhealthy).</summary>
        public IReadOnlyList<int> Statuses { get; init; } = [];

        /// <summary>Per cluster how many members are not energized and healthy.</summary>
        public IReadOnlyList<int> Affected { get; init; } = [];
    }

    public static MapResponse Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var originLon = root.GetProperty("origin")[0].GetDouble();
        var originLat = root.GetProperty("origin")[1].GetDouble();
        var quantum = root.GetProperty("quantum").GetDouble();
        var layers = new Dictionary<string, Layer>(StringComparer.Ordinal);
        foreach (var layer in root.GetProperty("layers").EnumerateArray())
        {
            var ids = new List<string>();
            if (layer.TryGetProperty("id", out var idArray))
            {
                var prefixes = layer.GetProperty("idp").EnumerateArray().Select(p => p.GetInt32()).ToList();
                var previous = "";
                var i = 0;
                foreach (var rest in idArray.EnumerateArray())
                {
                    previous = previous[..prefixes[i++]] + rest.GetString();
                    ids.Add(previous);
                }
            }

            var positions = new List<(double, double)>();
            if (layer.TryGetProperty("x", out var xs))
            {
                var ys = layer.GetProperty("y").EnumerateArray().Select(y => y.GetInt32()).ToList();
                var j = 0;
                foreach (var x in xs.EnumerateArray())
                {
                    positions.Add((originLat + ys[j++] * quantum, originLon + x.GetInt32() * quantum));
                }
            }

            var counts = layer.TryGetProperty("n", out var n) ? n.EnumerateArray().Select(c => c.GetInt32()).ToList() : [];
            layers[layer.GetProperty("layer").GetString()!] = new Layer(
                layer.GetProperty("mode").GetString()!, layer.GetProperty("features").GetInt32(), layer.GetProperty("assets").GetInt64(), ids, positions, counts)
            {
                Statuses = layer.TryGetProperty("s", out var s) ? [.. s.EnumerateArray().Select(v => v.GetInt32())] : [],
                Affected = layer.TryGetProperty("a", out var a) ? [.. a.EnumerateArray().Select(v => v.GetInt32())] : [],
            };
        }

        return new MapResponse(root.GetProperty("zoom").GetInt32(), root.GetProperty("features").GetInt32(), root.GetProperty("truncated").GetBoolean(), layers);
    }
}
