namespace Flux.OpsCenter.Web.Components.Map.Basemap;

/// <summary>One geometry of a TopoJSON object: polygons of rings of [longitude, latitude] positions.</summary>
internal sealed record TopoJsonShape(string? Id, string? Name, IReadOnlyList<double[][][]> Polygons)
{
    public bool Intersects(double minLon, double minLat, double maxLon, double maxLat) =>
        Polygons.SelectMany(p => p).SelectMany(r => r).Any(p => p[0] >= minLon && p[0] <= maxLon && p[1] >= minLat && p[1] <= maxLat)
        || Polygons.Any(p => Contains(p[0], (minLon + maxLon) / 2, (minLat + maxLat) / 2));

    /// <summary>Even-odd point in ring test, enough to find the shape a territory sits inside.</summary>
    public static bool Contains(double[][] ring, double lon, double lat)
    {
        var inside = false;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
        {
            if ((ring[i][1] > lat) != (ring[j][1] > lat)
                && lon < ((ring[j][0] - ring[i][0]) * (lat - ring[i][1]) / (ring[j][1] - ring[i][1])) + ring[i][0])
            {
                inside = !inside;
            }
        }

        return inside;
    }
}
