using Flux.OpsCenter.Data.Grid;

namespace Flux.OpsCenter.Data.Spatial;

/// <summary>
/// The nested square grids clusters live on: at zoom z a cell spans <see cref="ClusterPixels"/> screen pixels, and
/// each cell of zoom z-1 is exactly four cells of zoom z, so coarser levels aggregate finer ones.
/// </summary>
internal static class MapGrid
{
    public const int ClusterPixels = 40;
    public const int MinClusterZoom = 3;
    public const int MaxClusterZoom = 16;

    /// <summary>Cell side in degrees at a zoom level (Web Mercator 256-pixel tiles, measured along longitude).</summary>
    public static double CellDegrees(int zoom) => 360.0 / (1L << zoom) / 256.0 * ClusterPixels;

    /// <summary>One degree-per-quarter-pixel quantum: coordinates are sent as integer multiples of it.</summary>
    public static double Quantum(int zoom) => 360.0 / (1L << zoom) / 256.0 / 4.0;

    public static long Column(double longitude, double cell) => (long)Math.Floor((longitude + 180.0) / cell);

    public static long Row(double latitude, double cell) => (long)Math.Floor((latitude + 90.0) / cell);

    public static long Key(long row, long column) => (row << 32) | column;

    public static long Parent(long key) => Key((key >> 32) >> 1, (key & 0xFFFF_FFFFL) >> 1);

    /// <summary>Appends the index ranges of sorted <paramref name="keys"/> whose cells intersect <paramref name="box"/>.</summary>
    public static int CollectRanges(long[] keys, GeoBox box, double cell, List<(int Start, int End)> ranges)
    {
        var total = 0;
        if (keys.Length == 0)
        {
            return 0;
        }

        var rowMin = Row(box.MinLat, cell);
        var rowMax = Row(box.MaxLat, cell);
        var columnMin = Column(box.MinLon, cell);
        var columnMax = Column(box.MaxLon, cell);
        // Skip the empty rows below and above the data in one step each.
        rowMin = Math.Max(rowMin, keys[0] >> 32);
        rowMax = Math.Min(rowMax, keys[^1] >> 32);
        for (var row = rowMin; row <= rowMax; row++)
        {
            var start = LowerBound(keys, Key(row, columnMin));
            var end = LowerBound(keys, Key(row, columnMax) + 1);
            if (end > start)
            {
                ranges.Add((start, end));
                total += end - start;
            }
        }

        return total;
    }

    public static int LowerBound(long[] keys, long value)
    {
        int low = 0, high = keys.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (keys[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
