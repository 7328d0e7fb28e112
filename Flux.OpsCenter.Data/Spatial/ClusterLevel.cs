namespace Flux.OpsCenter.Data.Spatial;

/// <summary>The clusters of one layer at one zoom level, sorted by cell key; coordinates are count-weighted centroids.</summary>
internal sealed class ClusterLevel
{
    public required int Zoom { get; init; }

    public required long[] Keys { get; init; }

    public required float[] Latitudes { get; init; }

    public required float[] Longitudes { get; init; }

    public required int[] Counts { get; init; }

    /// <summary>Members that are not energized and healthy.</summary>
    public required int[] Affected { get; init; }

    public required byte[] Statuses { get; init; }
}
