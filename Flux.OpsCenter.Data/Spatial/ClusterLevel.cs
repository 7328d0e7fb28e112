namespace Flux.OpsCenter.Data.Spatial;

/// <summary>The clusters of one layer at one zoom level, sorted by cell key; coordinates are count-weighted centroids.</summary>
internal sealed class ClusterLevel
{
    public required int Zoom { get; init; }

    public required long[] Keys { get; init; }

    public required double[] Latitudes { get; init; }

    public required double[] Longitudes { get; init; }

    public required int[] Counts { get; init; }

    /// <summary>Members that are not energized and healthy.</summary>
    public required int[] Affected { get; init; }

    public required byte[] Statuses { get; init; }

    /// <summary>Per cluster: members in outage, partial, overloaded and unhealthy, so a status change updates it in place.</summary>
    public required int[] StatusCounts { get; init; }

    /// <summary>A copy sharing the geometry, with its own status arrays for <see cref="PointLayer.WithStatuses"/> to change.</summary>
    public ClusterLevel WithOwnStatuses() => new()
    {
        Zoom = Zoom,
        Keys = Keys,
        Latitudes = Latitudes,
        Longitudes = Longitudes,
        Counts = Counts,
        Affected = (int[])Affected.Clone(),
        Statuses = (byte[])Statuses.Clone(),
        StatusCounts = (int[])StatusCounts.Clone(),
    };

    /// <summary>Moves one member from one status to another and recomputes the cluster's colour.</summary>
    public void Move(int cluster, MapStatus from, MapStatus to)
    {
        if (StatusBucket(from) is var old and >= 0)
        {
            StatusCounts[cluster * 4 + old]--;
        }

        if (StatusBucket(to) is var next and >= 0)
        {
            StatusCounts[cluster * 4 + next]++;
        }

        var counts = StatusCounts.AsSpan(cluster * 4, 4);
        Affected[cluster] = counts[0] + counts[1] + counts[2] + counts[3];
        Statuses[cluster] = (byte)Colour(Counts[cluster], counts[0], counts[1], counts[2], counts[3]);
    }

    /// <summary>A cluster is out only when all of it is; any outage or partial member makes it partial.</summary>
    public static MapStatus Colour(int count, int outage, int partial, int overloaded, int unhealthy) =>
        outage == count ? MapStatus.Outage
        : outage + partial > 0 ? MapStatus.Partial
        : overloaded > 0 ? MapStatus.Overloaded
        : unhealthy > 0 ? MapStatus.Unhealthy
        : MapStatus.Energized;

    /// <summary>The <see cref="StatusCounts"/> slot of a status (outage, partial, overloaded, unhealthy), or -1 for energized.</summary>
    public static int StatusBucket(MapStatus status) => status switch
    {
        MapStatus.Outage => 0,
        MapStatus.Partial => 1,
        MapStatus.Overloaded => 2,
        MapStatus.Unhealthy => 3,
        _ => -1,
    };
}
