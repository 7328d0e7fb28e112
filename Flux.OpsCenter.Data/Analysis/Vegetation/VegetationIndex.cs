using Flux.OpsCenter.Data.Grid;

namespace Flux.OpsCenter.Data.Analysis.Vegetation;

/// <summary>
/// Every scored tree once per process, highest risk first, for viewport and radius queries: a linear scan of tens of
/// thousands of coordinates is well under a millisecond, so no tree structure is needed.
/// </summary>
public sealed class VegetationIndex
{
    /// <summary>The bands, in the order the map's filter and counts use.</summary>
    public static readonly IReadOnlyList<string> Bands = ["HIGH", "MEDIUM", "LOW"];

    private readonly VegetationTree[] _trees;
    private readonly Dictionary<string, VegetationTree> _byId;

    public VegetationIndex(IReadOnlyList<VegetationTree> trees)
    {
        ArgumentNullException.ThrowIfNull(trees);
        _trees = [.. trees.OrderByDescending(t => t.RiskScore).ThenBy(t => t.TreeId, StringComparer.Ordinal)];
        _byId = _trees.ToDictionary(t => t.TreeId, StringComparer.OrdinalIgnoreCase);
    }

    public int Count => _trees.Length;

    public VegetationTree? Find(string treeId) => _byId.GetValueOrDefault(treeId.Trim());

    /// <summary>Trees of the chosen bands inside a box, highest risk first, at most <paramref name="max"/>; counts cover every band in the box.</summary>
    public VegetationViewport Query(GeoBox box, IReadOnlySet<string> bands, int max)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal) { ["HIGH"] = 0, ["MEDIUM"] = 0, ["LOW"] = 0 };
        var chosen = new List<VegetationTree>();
        var matching = 0;
        foreach (var tree in _trees)
        {
            if (tree.Latitude < box.MinLat || tree.Latitude > box.MaxLat || tree.Longitude < box.MinLon || tree.Longitude > box.MaxLon)
            {
                continue;
            }

            counts[tree.RiskBand]++;
            if (!bands.Contains(tree.RiskBand))
            {
                continue;
            }

            matching++;
            if (chosen.Count < max)
            {
                chosen.Add(tree);
            }
        }

        return new VegetationViewport(counts, chosen, matching > chosen.Count);
    }

    /// <summary>Trees within <paramref name="radiusMetres"/> of a point, highest risk first, with their distance.</summary>
    public IReadOnlyList<(VegetationTree Tree, double DistanceM)> Near(double latitude, double longitude, double radiusMetres, int max)
    {
        var result = new List<(VegetationTree, double)>();
        foreach (var tree in _trees)
        {
            var distance = DistanceMetres(latitude, longitude, tree.Latitude, tree.Longitude);
            if (distance <= radiusMetres)
            {
                result.Add((tree, distance));
                if (result.Count == max)
                {
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>Equirectangular distance, accurate to well under 1 % over a few hundred metres.</summary>
    public static double DistanceMetres(double lat1, double lon1, double lat2, double lon2)
    {
        var dy = (lat2 - lat1) * 110_574;
        var dx = (lon2 - lon1) * 111_320 * Math.Cos((lat1 + lat2) / 2 * Math.PI / 180);
        return Math.Sqrt((dx * dx) + (dy * dy));
    }
}
