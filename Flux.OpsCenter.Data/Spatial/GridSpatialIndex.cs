using Flux.OpsCenter.Data.Grid;

namespace Flux.OpsCenter.Data.Spatial;

/// <summary>
/// Every substation, feeder, transformer, pole, meter and switching device in compact arrays, built once per process: answers a
/// viewport with clusters when zoomed out and individual assets when zoomed in, never more than a cap of features,
/// and finds any asset by id.
/// </summary>
public sealed class GridSpatialIndex
{
    /// <summary>The most features one response carries.</summary>
    public const int DefaultMaxFeatures = 20_000;

    /// <summary>Laterals are drawn from this zoom on.</summary>
    public const int LateralsFromZoom = 15;

    private readonly PointLayer[] _points;
    private readonly FeederLayer _feeders;

    private GridSpatialIndex(PointLayer[] points, FeederLayer feeders, DateTimeOffset builtAt, DateTimeOffset statusAsOf, GeoBox extent)
    {
        _points = points;
        _feeders = feeders;
        BuiltAt = builtAt;
        StatusAsOf = statusAsOf;
        Extent = extent;
    }

    private GridSpatialIndex(PointLayer[] points, FeederLayer feeders, DateTimeOffset builtAt)
    {
        _points = points;
        _feeders = feeders;
        BuiltAt = builtAt;
        StatusAsOf = builtAt;
        double minLat = 90, minLon = 180, maxLat = -90, maxLon = -180;
        foreach (var layer in points)
        {
            for (var i = 0; i < layer.Latitudes.Length; i++)
            {
                minLat = Math.Min(minLat, layer.Latitudes[i]);
                maxLat = Math.Max(maxLat, layer.Latitudes[i]);
                minLon = Math.Min(minLon, layer.Longitudes[i]);
                maxLon = Math.Max(maxLon, layer.Longitudes[i]);
            }
        }

        for (var f = 0; f < feeders.CircuitIds.Length; f++)
        {
            minLat = Math.Min(minLat, feeders.Bounds[f * 4]);
            minLon = Math.Min(minLon, feeders.Bounds[f * 4 + 1]);
            maxLat = Math.Max(maxLat, feeders.Bounds[f * 4 + 2]);
            maxLon = Math.Max(maxLon, feeders.Bounds[f * 4 + 3]);
        }

        Extent = minLat > maxLat ? new GeoBox(0, 0, 0, 0) : new GeoBox(minLon, minLat, maxLon, maxLat);
    }

    /// <summary>When the rows behind this index were read.</summary>
    public DateTimeOffset BuiltAt { get; }

    /// <summary>When the statuses the features are coloured by were read: the build, or the latest status refresh.</summary>
    public DateTimeOffset StatusAsOf { get; }

    /// <summary>The box every asset lies in.</summary>
    public GeoBox Extent { get; }

    /// <summary>The zoom from which a point layer is drawn asset by asset (below it, clustered).</summary>
    public static int IndividualFromZoom(MapLayers layer) => layer switch
    {
        MapLayers.Substations => 0,
        MapLayers.Transformers => 14,
        MapLayers.Poles => 15,
        MapLayers.Meters => 16,
        MapLayers.Devices => 14,
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, "Not a point layer."),
    };

    public static GridSpatialIndex Build(
        IReadOnlyList<MapAssetRow> assets,
        IReadOnlyList<FeederLineSegment> lines,
        IReadOnlyList<CircuitStatus> circuits,
        IReadOnlySet<string> deadDevices,
        DateTimeOffset builtAt)
    {
        ArgumentNullException.ThrowIfNull(assets);
        var byType = assets.ToLookup(a => LayerOf(a.AssetType));
        PointLayer Layer(MapLayers layer) =>
            new(layer, [.. byType[layer]], row => MapStatusOf.Asset(row.Status, row.HealthScore));
        return new GridSpatialIndex(
            [Layer(MapLayers.Substations), Layer(MapLayers.Transformers), Layer(MapLayers.Poles), Layer(MapLayers.Meters), Layer(MapLayers.Devices)],
            new FeederLayer(lines, circuits, deadDevices),
            builtAt);
    }

    /// <summary>
    /// The same index recoloured by the live statuses: point assets not listed in <paramref name="notEnergized"/> go
    /// back to energized (or unhealthy by health), feeders take their circuit's status and laterals go out behind an
    /// open device. Geometry and search arrays are shared, so this costs a copy of the status bytes, not a rebuild.
    /// </summary>
    public MapStatusRefresh WithStatuses(
        IReadOnlyList<MapAssetStatusRow> notEnergized,
        IReadOnlyList<CircuitStatus> circuits,
        IReadOnlySet<string> deadDevices,
        DateTimeOffset readAt)
    {
        ArgumentNullException.ThrowIfNull(notEnergized);
        ArgumentNullException.ThrowIfNull(circuits);
        ArgumentNullException.ThrowIfNull(deadDevices);
        var next = Array.ConvertAll(_points, p => (byte[])p.EnergizedStatuses.Clone());
        foreach (var row in notEnergized)
        {
            var at = Array.FindIndex(_points, p => p.Layer == LayerOf(row.AssetType));
            if (at >= 0 && _points[at].Find(row.AssetId) is var i and >= 0)
            {
                next[at][i] = (byte)MapStatusOf.Asset(row.Status, row.HealthScore);
            }
        }

        double minLat = 90, minLon = 180, maxLat = -90, maxLon = -180;
        var changedFeatures = 0;
        var points = new PointLayer[_points.Length];
        var changed = new List<int>();
        for (var l = 0; l < _points.Length; l++)
        {
            changed.Clear();
            points[l] = _points[l].WithStatuses(next[l], changed);
            changedFeatures += changed.Count;
            foreach (var i in changed)
            {
                minLat = Math.Min(minLat, points[l].Latitudes[i]);
                maxLat = Math.Max(maxLat, points[l].Latitudes[i]);
                minLon = Math.Min(minLon, points[l].Longitudes[i]);
                maxLon = Math.Max(maxLon, points[l].Longitudes[i]);
            }
        }

        changed.Clear();
        var feeders = _feeders.WithStatuses(circuits, deadDevices, changed);
        changedFeatures += changed.Count;
        foreach (var f in changed)
        {
            minLat = Math.Min(minLat, _feeders.Bounds[f * 4]);
            minLon = Math.Min(minLon, _feeders.Bounds[f * 4 + 1]);
            maxLat = Math.Max(maxLat, _feeders.Bounds[f * 4 + 2]);
            maxLon = Math.Max(maxLon, _feeders.Bounds[f * 4 + 3]);
        }

        var index = new GridSpatialIndex(points, feeders, BuiltAt, readAt, Extent);
        return new MapStatusRefresh(index, changedFeatures, changedFeatures == 0 ? null : new GeoBox(minLon, minLat, maxLon, maxLat));
    }

    /// <summary>How many assets a layer holds in all.</summary>
    public int Count(MapLayers layer) =>
        layer == MapLayers.Feeders ? _feeders.CircuitIds.Length : Point(layer).Ids.Length;

    /// <summary>The features of the chosen layers inside <paramref name="box"/> at <paramref name="zoom"/>, at most <paramref name="maxFeatures"/>.</summary>
    public MapFeatureResult Query(GeoBox box, int zoom, MapLayers layers, int maxFeatures = DefaultMaxFeatures)
    {
        var clipped = new GeoBox(
            Math.Max(box.MinLon, Extent.MinLon), Math.Max(box.MinLat, Extent.MinLat),
            Math.Min(box.MaxLon, Extent.MaxLon), Math.Min(box.MaxLat, Extent.MaxLat));
        var results = new List<MapLayerResult>();
        var remaining = maxFeatures;
        var truncated = false;
        var empty = !clipped.IsValid;
        foreach (var layer in (MapLayers[])[MapLayers.Substations, MapLayers.Feeders, MapLayers.Transformers, MapLayers.Poles, MapLayers.Meters, MapLayers.Devices])
        {
            if (!layers.HasFlag(layer))
            {
                continue;
            }

            var result = empty ? new MapLayerResult(layer, layer == MapLayers.Feeders ? MapLayerMode.Lines : MapLayerMode.Points, [], 0)
                : layer == MapLayers.Feeders ? QueryFeeders(clipped, zoom, remaining, ref truncated)
                : QueryPoints(Point(layer), clipped, zoom, remaining, ref truncated);
            remaining -= result.Features;
            results.Add(result);
        }

        return new MapFeatureResult(this, box, zoom, results, truncated);
    }

    /// <summary>Assets whose id equals or starts with <paramref name="text"/> (any case), exact matches first.</summary>
    public IReadOnlyList<MapSearchHit> Search(string text, int limit)
    {
        var query = text?.Trim() ?? "";
        if (query.Length == 0 || limit <= 0)
        {
            return [];
        }

        var hits = new List<MapSearchHit>();
        if (_feeders.ByCircuit.TryGetValue(query, out var exactFeeder))
        {
            hits.Add(FeederHit(exactFeeder));
        }

        foreach (var layer in _points)
        {
            if (layer.Find(query) is var at and >= 0)
            {
                hits.Add(PointHit(layer, at));
            }
        }

        foreach (var feeder in _feeders.CircuitIds.Where(id => id.StartsWith(query, StringComparison.OrdinalIgnoreCase)).Take(limit))
        {
            AddDistinct(hits, FeederHit(_feeders.ByCircuit[feeder]));
        }

        foreach (var layer in _points)
        {
            foreach (var at in layer.StartingWith(query).Take(limit))
            {
                AddDistinct(hits, PointHit(layer, at));
            }
        }

        return [.. hits.Take(limit)];
    }

    private static MapLayers LayerOf(string assetType) => assetType switch
    {
        "SUBSTATION" => MapLayers.Substations,
        "TRANSFORMER" => MapLayers.Transformers,
        "POLE" => MapLayers.Poles,
        "METER" => MapLayers.Meters,
        "BREAKER" or "RECLOSER" or "SECTIONALIZER" or "FUSE" or "TIE" => MapLayers.Devices,
        _ => MapLayers.None,
    };

    internal PointLayer Point(MapLayers layer) =>
        Array.Find(_points, p => p.Layer == layer) ?? throw new ArgumentOutOfRangeException(nameof(layer), layer, "Not a point layer.");

    internal FeederLayer Feeders => _feeders;

    private static void AddDistinct(List<MapSearchHit> hits, MapSearchHit hit)
    {
        if (!hits.Exists(h => h.AssetId == hit.AssetId && h.AssetType == hit.AssetType))
        {
            hits.Add(hit);
        }
    }

    private MapSearchHit FeederHit(int f)
    {
        var b = _feeders.Bounds;
        return new MapSearchHit("FEEDER", _feeders.CircuitIds[f], $"Feeder {_feeders.CircuitIds[f]}",
            (b[f * 4] + b[f * 4 + 2]) / 2.0, (b[f * 4 + 1] + b[f * 4 + 3]) / 2.0, 13);
    }

    private static MapSearchHit PointHit(PointLayer layer, int at)
    {
        var (type, label, zoom) = layer.Layer switch
        {
            MapLayers.Substations => ("SUBSTATION", "Substation", 14),
            MapLayers.Transformers => ("TRANSFORMER", "Transformer", 16),
            MapLayers.Poles => ("POLE", "Pole", 17),
            MapLayers.Devices => (DeviceKinds.TypeName(layer.Kinds[at]), DeviceKinds.Label(layer.Kinds[at]), 17),
            _ => ("METER", "Meter", 17),
        };
        return new MapSearchHit(type, layer.Ids[at], $"{label} {layer.Ids[at]}", layer.Latitudes[at], layer.Longitudes[at], zoom);
    }

    private static MapLayerResult QueryPoints(PointLayer layer, GeoBox box, int zoom, int remaining, ref bool truncated)
    {
        var ranges = new List<(int Start, int End)>();
        if (zoom >= IndividualFromZoom(layer.Layer))
        {
            var candidates = MapGrid.CollectRanges(layer.Keys, box, MapGrid.CellDegrees(MapGrid.MaxClusterZoom), ranges);
            if (candidates <= remaining)
            {
                var items = new List<int>(candidates);
                foreach (var (start, end) in ranges)
                {
                    for (var i = start; i < end; i++)
                    {
                        if (box.Contains(layer.Latitudes[i], layer.Longitudes[i]))
                        {
                            items.Add(i);
                        }
                    }
                }

                return new MapLayerResult(layer.Layer, MapLayerMode.Points, items, items.Count);
            }

            // Too many to send one by one (a huge viewport): fall back to clusters, which stay within the cap.
            truncated |= layer.Layer == MapLayers.Substations;
        }

        var levelZoom = Math.Min(zoom, MapGrid.MaxClusterZoom);
        ClusterLevel level;
        int count;
        do
        {
            level = layer.Level(levelZoom);
            ranges.Clear();
            count = MapGrid.CollectRanges(level.Keys, box, MapGrid.CellDegrees(level.Zoom), ranges);
        }
        while (count > remaining && --levelZoom >= MapGrid.MinClusterZoom);

        var clusters = new List<int>(Math.Min(count, Math.Max(remaining, 0)));
        foreach (var (start, end) in ranges)
        {
            for (var i = start; i < end; i++)
            {
                if (clusters.Count >= remaining)
                {
                    truncated = true;
                    break;
                }

                clusters.Add(i);
            }
        }

        var inBox = ClipClusters(layer, level, clusters, box);
        return new MapLayerResult(layer.Layer, MapLayerMode.Clusters, [.. Enumerable.Range(0, inBox.Counts.Length)], inBox.Counts.Sum(c => (long)c), inBox);
    }

    /// <summary>
    /// The chosen clusters as they are inside <paramref name="box"/>: a cell the box cuts counts, colours and centres only
    /// its assets inside the box (a cell wholly inside keeps its precomputed figures); cells with nothing inside drop out.
    /// </summary>
    private static ClusterLevel ClipClusters(PointLayer layer, ClusterLevel level, List<int> clusters, GeoBox box)
    {
        var cell = MapGrid.CellDegrees(level.Zoom);
        var finest = MapGrid.CellDegrees(MapGrid.MaxClusterZoom);
        var levelsUp = MapGrid.MaxClusterZoom - level.Zoom;
        var kept = new List<(long Key, double Lat, double Lon, int Count, int[] ByStatus)>(clusters.Count);
        var ranges = new List<(int Start, int End)>();
        foreach (var c in clusters)
        {
            var key = level.Keys[c];
            var south = ((key >> 32) * cell) - 90.0;
            var west = ((key & 0xFFFF_FFFFL) * cell) - 180.0;
            if (box.MinLat <= south && south + cell <= box.MaxLat && box.MinLon <= west && west + cell <= box.MaxLon)
            {
                kept.Add((key, level.Latitudes[c], level.Longitudes[c], level.Counts[c], level.StatusCounts.AsSpan(c * 4, 4).ToArray()));
                continue;
            }

            // The cell's points are the finest cells under it; count those inside the box.
            var part = new GeoBox(Math.Max(west, box.MinLon), Math.Max(south, box.MinLat), Math.Min(west + cell, box.MaxLon), Math.Min(south + cell, box.MaxLat));
            ranges.Clear();
            MapGrid.CollectRanges(layer.Keys, part, finest, ranges);
            double latitudeSum = 0, longitudeSum = 0;
            var count = 0;
            var byStatus = new int[4];
            foreach (var (start, end) in ranges)
            {
                for (var i = start; i < end; i++)
                {
                    var pointKey = layer.Keys[i];
                    for (var up = 0; up < levelsUp; up++)
                    {
                        pointKey = MapGrid.Parent(pointKey);
                    }

                    if (pointKey != key || !box.Contains(layer.Latitudes[i], layer.Longitudes[i]))
                    {
                        continue;
                    }

                    count++;
                    latitudeSum += layer.Latitudes[i];
                    longitudeSum += layer.Longitudes[i];
                    if (ClusterLevel.StatusBucket((MapStatus)layer.Statuses[i]) is var bucket and >= 0)
                    {
                        byStatus[bucket]++;
                    }
                }
            }

            if (count > 0)
            {
                kept.Add((key, latitudeSum / count, longitudeSum / count, count, byStatus));
            }
        }

        var n = kept.Count;
        var clipped = new ClusterLevel
        {
            Zoom = level.Zoom,
            Keys = new long[n],
            Latitudes = new double[n],
            Longitudes = new double[n],
            Counts = new int[n],
            Affected = new int[n],
            Statuses = new byte[n],
            StatusCounts = new int[n * 4],
        };
        for (var i = 0; i < n; i++)
        {
            var (key, lat, lon, count, byStatus) = kept[i];
            clipped.Keys[i] = key;
            clipped.Latitudes[i] = lat;
            clipped.Longitudes[i] = lon;
            clipped.Counts[i] = count;
            clipped.Affected[i] = byStatus.Sum();
            clipped.Statuses[i] = (byte)ClusterLevel.Colour(count, byStatus[0], byStatus[1], byStatus[2], byStatus[3]);
            byStatus.CopyTo(clipped.StatusCounts, i * 4);
        }

        return clipped;
    }

    private MapLayerResult QueryFeeders(GeoBox box, int zoom, int remaining, ref bool truncated)
    {
        var feeders = new List<int>();
        var seen = new HashSet<int>();
        for (var f = 0; f < _feeders.CircuitIds.Length; f++)
        {
            if (_feeders.Intersects(f, box))
            {
                if (feeders.Count >= remaining)
                {
                    truncated = true;
                    break;
                }

                feeders.Add(f);
                seen.Add(f);
            }
        }

        var laterals = new List<int>();
        if (zoom >= LateralsFromZoom)
        {
            var margin = _feeders.LateralMargin;
            var grown = new GeoBox(box.MinLon - margin, box.MinLat - margin, box.MaxLon + margin, box.MaxLat + margin);
            var ranges = new List<(int Start, int End)>();
            MapGrid.CollectRanges(_feeders.LateralKeys, grown, MapGrid.CellDegrees(MapGrid.MaxClusterZoom), ranges);
            var c = _feeders.LateralCoordinates;
            foreach (var (start, end) in ranges)
            {
                for (var i = start; i < end; i++)
                {
                    if (Math.Min(c[i * 4], c[i * 4 + 2]) <= box.MaxLat && Math.Max(c[i * 4], c[i * 4 + 2]) >= box.MinLat
                        && Math.Min(c[i * 4 + 1], c[i * 4 + 3]) <= box.MaxLon && Math.Max(c[i * 4 + 1], c[i * 4 + 3]) >= box.MinLon)
                    {
                        laterals.Add(i);
                    }
                }
            }

            // A lateral is drawn with its feeder, so a feeder whose trunk lies outside the view still comes along.
            var trunks = feeders.Count;
            foreach (var i in laterals)
            {
                if (seen.Add(_feeders.LateralFeeders[i]))
                {
                    feeders.Add(_feeders.LateralFeeders[i]);
                }
            }

            if (feeders.Count + laterals.Count > remaining)
            {
                truncated = true;
                laterals.Clear();
                feeders.RemoveRange(trunks, feeders.Count - trunks);
            }
        }

        return new MapLayerResult(MapLayers.Feeders, MapLayerMode.Lines, feeders, feeders.Count, laterals: laterals);
    }
}
