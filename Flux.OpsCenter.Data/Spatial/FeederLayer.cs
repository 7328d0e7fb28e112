using Flux.OpsCenter.Data.Grid;

namespace Flux.OpsCenter.Data.Spatial;

/// <summary>
/// Feeder geometry: one trunk path per circuit (drawn at every zoom) and the fused laterals (drawn close in),
/// the laterals indexed like points by the cell of their midpoint.
/// </summary>
internal sealed class FeederLayer
{
    public FeederLayer(IReadOnlyList<FeederLineSegment> segments, IReadOnlyList<CircuitStatus> circuits, IReadOnlySet<string> deadDevices)
    {
        var trunks = segments.Where(s => s.SegmentType == "TRUNK").GroupBy(s => s.CircuitId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        CircuitIds = [.. trunks.Select(g => g.Key)];
        Statuses = new byte[CircuitIds.Length];
        Paths = new float[CircuitIds.Length][];
        Bounds = new float[CircuitIds.Length * 4];
        ByCircuit = new Dictionary<string, int>(CircuitIds.Length, StringComparer.OrdinalIgnoreCase);
        for (var f = 0; f < trunks.Count; f++)
        {
            ByCircuit[CircuitIds[f]] = f;
            var path = new List<float>();
            foreach (var s in trunks[f].OrderBy(s => s.SequenceNo))
            {
                if (path.Count == 0 || path[^2] != (float)s.FromLatitude || path[^1] != (float)s.FromLongitude)
                {
                    path.Add((float)s.FromLatitude);
                    path.Add((float)s.FromLongitude);
                }

                path.Add((float)s.ToLatitude);
                path.Add((float)s.ToLongitude);
            }

            Paths[f] = [.. path];
            Bounds[f * 4] = Bounds[f * 4 + 1] = float.MaxValue;
            Bounds[f * 4 + 2] = Bounds[f * 4 + 3] = float.MinValue;
            for (var i = 0; i < path.Count; i += 2)
            {
                Bounds[f * 4] = Math.Min(Bounds[f * 4], path[i]);
                Bounds[f * 4 + 1] = Math.Min(Bounds[f * 4 + 1], path[i + 1]);
                Bounds[f * 4 + 2] = Math.Max(Bounds[f * 4 + 2], path[i]);
                Bounds[f * 4 + 3] = Math.Max(Bounds[f * 4 + 3], path[i + 1]);
            }
        }

        var laterals = segments.Where(s => s.SegmentType != "TRUNK" && ByCircuit.ContainsKey(s.CircuitId)).ToList();
        var cell = MapGrid.CellDegrees(MapGrid.MaxClusterZoom);
        LateralKeys = new long[laterals.Count];
        var order = new int[laterals.Count];
        for (var i = 0; i < laterals.Count; i++)
        {
            var s = laterals[i];
            LateralKeys[i] = MapGrid.Key(MapGrid.Row((s.FromLatitude + s.ToLatitude) / 2, cell), MapGrid.Column((s.FromLongitude + s.ToLongitude) / 2, cell));
            order[i] = i;
            LateralMargin = Math.Max(LateralMargin, Math.Max(Math.Abs(s.FromLatitude - s.ToLatitude), Math.Abs(s.FromLongitude - s.ToLongitude)) / 2);
        }

        Array.Sort(LateralKeys, order);
        LateralCoordinates = new float[laterals.Count * 4];
        LateralFeeders = new int[laterals.Count];
        LateralStatuses = new byte[laterals.Count];
        LateralDevices = new int[laterals.Count];
        var devices = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < laterals.Count; i++)
        {
            var s = laterals[order[i]];
            LateralCoordinates[i * 4] = (float)s.FromLatitude;
            LateralCoordinates[i * 4 + 1] = (float)s.FromLongitude;
            LateralCoordinates[i * 4 + 2] = (float)s.ToLatitude;
            LateralCoordinates[i * 4 + 3] = (float)s.ToLongitude;
            LateralFeeders[i] = ByCircuit[s.CircuitId];
            if (!devices.TryGetValue(s.ProtectiveDeviceId, out var device))
            {
                device = devices[s.ProtectiveDeviceId] = devices.Count;
            }

            LateralDevices[i] = device;
        }

        Devices = new string[devices.Count];
        foreach (var (id, at) in devices)
        {
            Devices[at] = id;
        }

        Colour(circuits, deadDevices, Statuses, LateralStatuses);
    }

    private FeederLayer(FeederLayer geometry, byte[] statuses, byte[] lateralStatuses)
    {
        CircuitIds = geometry.CircuitIds;
        Paths = geometry.Paths;
        Bounds = geometry.Bounds;
        ByCircuit = geometry.ByCircuit;
        LateralKeys = geometry.LateralKeys;
        LateralCoordinates = geometry.LateralCoordinates;
        LateralFeeders = geometry.LateralFeeders;
        LateralDevices = geometry.LateralDevices;
        Devices = geometry.Devices;
        LateralMargin = geometry.LateralMargin;
        Statuses = statuses;
        LateralStatuses = lateralStatuses;
    }

    public string[] CircuitIds { get; }

    public byte[] Statuses { get; }

    /// <summary>Trunk vertices per feeder as latitude, longitude pairs.</summary>
    public float[][] Paths { get; }

    /// <summary>Per feeder: min latitude, min longitude, max latitude, max longitude.</summary>
    public float[] Bounds { get; }

    public Dictionary<string, int> ByCircuit { get; }

    public long[] LateralKeys { get; }

    /// <summary>Per lateral: from latitude, from longitude, to latitude, to longitude.</summary>
    public float[] LateralCoordinates { get; }

    public int[] LateralFeeders { get; }

    public byte[] LateralStatuses { get; }

    /// <summary>Per lateral: index into <see cref="Devices"/> of the fuse (or other device) protecting it.</summary>
    public int[] LateralDevices { get; }

    /// <summary>Distinct protective device ids of the laterals.</summary>
    public string[] Devices { get; }

    /// <summary>Half the largest lateral extent, by which a viewport grows so laterals crossing its edge are kept.</summary>
    public double LateralMargin { get; }

    /// <summary>
    /// This layer coloured by the given circuit statuses and open devices, sharing the geometry; this layer itself
    /// when no colour changes. <paramref name="changedFeeders"/> receives every feeder whose trunk or a lateral changed.
    /// </summary>
    public FeederLayer WithStatuses(IReadOnlyList<CircuitStatus> circuits, IReadOnlySet<string> deadDevices, List<int> changedFeeders)
    {
        var statuses = new byte[Statuses.Length];
        var lateralStatuses = new byte[LateralStatuses.Length];
        Colour(circuits, deadDevices, statuses, lateralStatuses);
        var changed = new HashSet<int>();
        for (var f = 0; f < statuses.Length; f++)
        {
            if (statuses[f] != Statuses[f])
            {
                changed.Add(f);
            }
        }

        for (var i = 0; i < lateralStatuses.Length; i++)
        {
            if (lateralStatuses[i] != LateralStatuses[i])
            {
                changed.Add(LateralFeeders[i]);
            }
        }

        changedFeeders.AddRange(changed);
        return changed.Count == 0 ? this : new FeederLayer(this, statuses, lateralStatuses);
    }

    public bool Intersects(int feeder, GeoBox box) =>
        Bounds[feeder * 4] <= box.MaxLat && Bounds[feeder * 4 + 2] >= box.MinLat
        && Bounds[feeder * 4 + 1] <= box.MaxLon && Bounds[feeder * 4 + 3] >= box.MinLon;

    private void Colour(IReadOnlyList<CircuitStatus> circuits, IReadOnlySet<string> deadDevices, byte[] statuses, byte[] lateralStatuses)
    {
        foreach (var circuit in circuits)
        {
            if (ByCircuit.TryGetValue(circuit.CircuitId, out var f))
            {
                statuses[f] = (byte)MapStatusOf.Circuit(circuit.Status);
            }
        }

        var dead = Array.ConvertAll(Devices, deadDevices.Contains);
        for (var i = 0; i < lateralStatuses.Length; i++)
        {
            // A lateral whose own fuse is open is out; otherwise it shares the trunk's state unless that is only partial.
            var trunk = (MapStatus)statuses[LateralFeeders[i]];
            lateralStatuses[i] = (byte)(dead[LateralDevices[i]] || trunk == MapStatus.Outage ? MapStatus.Outage
                : trunk == MapStatus.Partial ? MapStatus.Energized : trunk);
        }
    }
}
