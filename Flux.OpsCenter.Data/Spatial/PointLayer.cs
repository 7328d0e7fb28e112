namespace Flux.OpsCenter.Data.Spatial;

/// <summary>
/// One point layer in compact parallel arrays, sorted by the finest cluster cell so a viewport is a handful of
/// contiguous ranges, with its cluster pyramid and an id order for search.
/// </summary>
internal sealed class PointLayer
{
    public PointLayer(MapLayers layer, IReadOnlyList<MapAssetRow> rows, Func<MapAssetRow, MapStatus> status)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(status);
        Layer = layer;
        var count = rows.Count;
        var cell = MapGrid.CellDegrees(MapGrid.MaxClusterZoom);
        Keys = new long[count];
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            Keys[i] = MapGrid.Key(MapGrid.Row(rows[i].Latitude, cell), MapGrid.Column(rows[i].Longitude, cell));
            order[i] = i;
        }

        Array.Sort(Keys, order);
        Ids = new string[count];
        Latitudes = new double[count];
        Longitudes = new double[count];
        Statuses = new byte[count];
        EnergizedStatuses = new byte[count];
        Kinds = new byte[count];
        for (var i = 0; i < count; i++)
        {
            var row = rows[order[i]];
            Kinds[i] = DeviceKinds.Of(row.AssetType);
            Ids[i] = row.AssetId;
            Latitudes[i] = row.Latitude;
            Longitudes[i] = row.Longitude;
            Statuses[i] = (byte)status(row);
            EnergizedStatuses[i] = (byte)status(row with { Status = "ENERGIZED" });
        }

        var sortedIds = (string[])Ids.Clone();
        ById = new int[count];
        for (var i = 0; i < count; i++)
        {
            ById[i] = i;
        }

        Array.Sort(sortedIds, ById, StringComparer.OrdinalIgnoreCase);
        Ranks = new int[count];
        for (var i = 0; i < count; i++)
        {
            Ranks[ById[i]] = i;
        }

        Levels = BuildLevels();
    }

    private PointLayer(PointLayer geometry, byte[] statuses, ClusterLevel[] levels)
    {
        Layer = geometry.Layer;
        Ids = geometry.Ids;
        Latitudes = geometry.Latitudes;
        Longitudes = geometry.Longitudes;
        Keys = geometry.Keys;
        ById = geometry.ById;
        Ranks = geometry.Ranks;
        EnergizedStatuses = geometry.EnergizedStatuses;
        Kinds = geometry.Kinds;
        Statuses = statuses;
        Levels = levels;
    }

    public MapLayers Layer { get; }

    public string[] Ids { get; }

    /// <summary>Exact (double) coordinates: float32 moved points up to 5e-6° and off a box edge they lie on.</summary>
    public double[] Latitudes { get; }

    public double[] Longitudes { get; }

    public byte[] Statuses { get; }

    /// <summary>Each point's switching device kind (<see cref="DeviceKinds"/>), 0 for every other asset.</summary>
    public byte[] Kinds { get; }

    /// <summary>Each point's status when nothing is wrong upstream: energized, or unhealthy by its health score.</summary>
    public byte[] EnergizedStatuses { get; }

    /// <summary>Cell keys at <see cref="MapGrid.MaxClusterZoom"/>, ascending.</summary>
    public long[] Keys { get; }

    /// <summary>Point indices in case-insensitive id order.</summary>
    public int[] ById { get; }

    /// <summary>Each point's position in id order, so a response can list its points by id and front-code them.</summary>
    public int[] Ranks { get; }

    /// <summary>Cluster levels from <see cref="MapGrid.MinClusterZoom"/> to <see cref="MapGrid.MaxClusterZoom"/>.</summary>
    public ClusterLevel[] Levels { get; }

    public ClusterLevel Level(int zoom) =>
        Levels[Math.Clamp(zoom, MapGrid.MinClusterZoom, MapGrid.MaxClusterZoom) - MapGrid.MinClusterZoom];

    /// <summary>
    /// This layer with the given point statuses, sharing every geometry array; only the clusters holding a changed
    /// point are recoloured. Returns this layer itself when nothing changed.
    /// </summary>
    public PointLayer WithStatuses(byte[] statuses, List<int> changed)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        ArgumentNullException.ThrowIfNull(changed);
        for (var i = 0; i < statuses.Length; i++)
        {
            if (statuses[i] != Statuses[i])
            {
                changed.Add(i);
            }
        }

        if (changed.Count == 0)
        {
            return this;
        }

        var levels = Array.ConvertAll(Levels, level => level.WithOwnStatuses());
        foreach (var i in changed)
        {
            var key = Keys[i];
            for (var zoom = MapGrid.MaxClusterZoom; zoom >= MapGrid.MinClusterZoom; zoom--)
            {
                var level = levels[zoom - MapGrid.MinClusterZoom];
                level.Move(MapGrid.LowerBound(level.Keys, key), (MapStatus)Statuses[i], (MapStatus)statuses[i]);
                key = MapGrid.Parent(key);
            }
        }

        return new PointLayer(this, statuses, levels);
    }

    /// <summary>Index of the point with this id (any case), or -1.</summary>
    public int Find(string id)
    {
        var at = LowerBoundById(id);
        return at < ById.Length && string.Equals(Ids[ById[at]], id, StringComparison.OrdinalIgnoreCase) ? ById[at] : -1;
    }

    /// <summary>Points whose id starts with <paramref name="prefix"/>, in id order.</summary>
    public IEnumerable<int> StartingWith(string prefix)
    {
        for (var at = LowerBoundById(prefix); at < ById.Length && Ids[ById[at]].StartsWith(prefix, StringComparison.OrdinalIgnoreCase); at++)
        {
            yield return ById[at];
        }
    }

    private int LowerBoundById(string id)
    {
        int low = 0, high = ById.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (StringComparer.OrdinalIgnoreCase.Compare(Ids[ById[middle]], id) < 0)
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

    private ClusterLevel[] BuildLevels()
    {
        var levels = new ClusterLevel[MapGrid.MaxClusterZoom - MapGrid.MinClusterZoom + 1];
        // The finest level groups the points, already in key order; each coarser level groups the one below.
        var members = new Members(Keys.Length);
        for (var i = 0; i < Keys.Length; i++)
        {
            members.Add(Keys[i], Latitudes[i], Longitudes[i], 1, (MapStatus)Statuses[i]);
        }

        var current = members.Group();
        for (var zoom = MapGrid.MaxClusterZoom; zoom >= MapGrid.MinClusterZoom; zoom--)
        {
            levels[zoom - MapGrid.MinClusterZoom] = current.ToLevel(zoom);
            if (zoom > MapGrid.MinClusterZoom)
            {
                current = current.Parents();
            }
        }

        return levels;
    }

    /// <summary>Build-time cluster sums, dropped once the level is made.</summary>
    private sealed class Members(int capacity)
    {
        private readonly List<long> _keys = new(capacity);
        private readonly List<double> _latitudeSums = new(capacity);
        private readonly List<double> _longitudeSums = new(capacity);
        private readonly List<int> _counts = new(capacity);
        private readonly List<int> _outage = new(capacity);
        private readonly List<int> _partial = new(capacity);
        private readonly List<int> _overloaded = new(capacity);
        private readonly List<int> _unhealthy = new(capacity);

        public void Add(long key, double latitude, double longitude, int count, MapStatus status) =>
            Add(key, latitude * count, longitude * count, count,
                status == MapStatus.Outage ? count : 0, status == MapStatus.Partial ? count : 0,
                status == MapStatus.Overloaded ? count : 0, status == MapStatus.Unhealthy ? count : 0);

        /// <summary>Merges runs of equal keys (the input must be in key order).</summary>
        public Members Group()
        {
            var grouped = new Members(_keys.Count / 2);
            for (var i = 0; i < _keys.Count;)
            {
                var key = _keys[i];
                double latitude = 0, longitude = 0;
                int count = 0, outage = 0, partial = 0, overloaded = 0, unhealthy = 0;
                for (; i < _keys.Count && _keys[i] == key; i++)
                {
                    latitude += _latitudeSums[i];
                    longitude += _longitudeSums[i];
                    count += _counts[i];
                    outage += _outage[i];
                    partial += _partial[i];
                    overloaded += _overloaded[i];
                    unhealthy += _unhealthy[i];
                }

                grouped.Add(key, latitude, longitude, count, outage, partial, overloaded, unhealthy);
            }

            return grouped;
        }

        public Members Parents()
        {
            var parentKeys = new long[_keys.Count];
            var order = new int[_keys.Count];
            for (var i = 0; i < parentKeys.Length; i++)
            {
                parentKeys[i] = MapGrid.Parent(_keys[i]);
                order[i] = i;
            }

            Array.Sort(parentKeys, order);
            var sorted = new Members(parentKeys.Length);
            for (var i = 0; i < parentKeys.Length; i++)
            {
                var j = order[i];
                sorted.Add(parentKeys[i], _latitudeSums[j], _longitudeSums[j], _counts[j], _outage[j], _partial[j], _overloaded[j], _unhealthy[j]);
            }

            return sorted.Group();
        }

        public ClusterLevel ToLevel(int zoom)
        {
            var n = _keys.Count;
            var level = new ClusterLevel
            {
                Zoom = zoom,
                Keys = [.. _keys],
                Latitudes = new double[n],
                Longitudes = new double[n],
                Counts = [.. _counts],
                Affected = new int[n],
                Statuses = new byte[n],
                StatusCounts = new int[n * 4],
            };
            for (var i = 0; i < n; i++)
            {
                level.Latitudes[i] = _latitudeSums[i] / _counts[i];
                level.Longitudes[i] = _longitudeSums[i] / _counts[i];
                level.Affected[i] = _outage[i] + _partial[i] + _overloaded[i] + _unhealthy[i];
                level.Statuses[i] = (byte)ClusterLevel.Colour(_counts[i], _outage[i], _partial[i], _overloaded[i], _unhealthy[i]);
                level.StatusCounts[i * 4] = _outage[i];
                level.StatusCounts[i * 4 + 1] = _partial[i];
                level.StatusCounts[i * 4 + 2] = _overloaded[i];
                level.StatusCounts[i * 4 + 3] = _unhealthy[i];
            }

            return level;
        }

        private void Add(long key, double latitudeSum, double longitudeSum, int count, int outage, int partial, int overloaded, int unhealthy)
        {
            _keys.Add(key);
            _latitudeSums.Add(latitudeSum);
            _longitudeSums.Add(longitudeSum);
            _counts.Add(count);
            _outage.Add(outage);
            _partial.Add(partial);
            _overloaded.Add(overloaded);
            _unhealthy.Add(unhealthy);
        }
    }
}
