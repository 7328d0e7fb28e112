namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>
/// The switching topology in memory, as compressed sparse rows. Nodes are the substation buses (the sources) and the
/// sections: one per device that heads one (breaker, recloser, sectionalizer, fuse), holding the transformers on it.
/// Every device is an edge: a breaker joins its bus to its section, a tie joins two sections, every other device joins
/// the section it hangs off to the section it heads. Immutable; <see cref="Derive(bool[])"/> turns a set of device states into
/// the energisation of every section.
/// </summary>
public sealed class ConnectivityModel
{
    private readonly Dictionary<string, int> _deviceIndex;
    private readonly Dictionary<string, int> _transformerIndex;
    private readonly Dictionary<string, int> _substationIndex;
    private readonly Dictionary<string, int> _breakerOfCircuit;

    private ConnectivityModel(IReadOnlyList<SwitchingDevice> devices, IReadOnlyList<TransformerConnection> transformers)
    {
        Devices = [.. devices];
        Transformers = [.. transformers];
        _deviceIndex = new Dictionary<string, int>(Devices.Length, StringComparer.Ordinal);
        _breakerOfCircuit = new Dictionary<string, int>(StringComparer.Ordinal);
        _substationIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var substations = new List<string>();
        var sourceBreakers = new List<int>();
        for (var d = 0; d < Devices.Length; d++)
        {
            var device = Devices[d];
            if (!_deviceIndex.TryAdd(device.Id, d))
            {
                throw new ArgumentException($"Device '{device.Id}' appears twice.", nameof(devices));
            }

            if (device.Type == SwitchingDeviceType.Breaker)
            {
                _breakerOfCircuit[device.CircuitId] = d;
                if (_substationIndex.TryAdd(device.SubstationId, substations.Count))
                {
                    substations.Add(device.SubstationId);
                    sourceBreakers.Add(d);
                }
            }
        }

        SubstationIds = [.. substations];
        SourceBreaker = [.. sourceBreakers];
        SourceCount = SubstationIds.Length;
        SectionOf = new int[Devices.Length];
        HeadDevice = new int[SourceCount + Devices.Count(d => d.Type != SwitchingDeviceType.Tie)];
        Array.Fill(HeadDevice, -1);
        var next = SourceCount;
        for (var d = 0; d < Devices.Length; d++)
        {
            SectionOf[d] = Devices[d].Type == SwitchingDeviceType.Tie ? -1 : next++;
            if (SectionOf[d] >= 0)
            {
                HeadDevice[SectionOf[d]] = d;
            }
        }

        NodeCount = next;
        EdgeFrom = new int[Devices.Length];
        EdgeTo = new int[Devices.Length];
        for (var d = 0; d < Devices.Length; d++)
        {
            var device = Devices[d];
            (EdgeFrom[d], EdgeTo[d]) = device.Type switch
            {
                SwitchingDeviceType.Breaker => (_substationIndex[device.SubstationId], SectionOf[d]),
                SwitchingDeviceType.Tie => (SectionHeadedBy(device.ParentDeviceId, device), SectionHeadedBy(device.TieParentDeviceId, device)),
                _ => (SectionHeadedBy(device.ParentDeviceId, device), SectionOf[d]),
            };
        }

        (AdjacencyOffsets, AdjacencyNodes, AdjacencyDevices) = BuildAdjacency();

        _transformerIndex = new Dictionary<string, int>(Transformers.Length, StringComparer.Ordinal);
        TransformerSection = new int[Transformers.Length];
        OwnResidential = new int[NodeCount];
        OwnCommercial = new int[NodeCount];
        OwnIndustrial = new int[NodeCount];
        OwnCriticalCare = new int[NodeCount];
        OwnTransformers = new int[NodeCount];
        OwnLoadKw = new double[NodeCount];
        for (var t = 0; t < Transformers.Length; t++)
        {
            var transformer = Transformers[t];
            _transformerIndex[transformer.Id] = t;
            var section = SectionHeadedBy(transformer.FuseId, null);
            TransformerSection[t] = section;
            OwnResidential[section] += transformer.ResidentialCustomers;
            OwnCommercial[section] += transformer.CommercialCustomers;
            OwnIndustrial[section] += transformer.IndustrialCustomers;
            OwnCriticalCare[section] += transformer.CriticalCareCustomers;
            OwnTransformers[section]++;
            OwnLoadKw[section] += transformer.PeakLoadKw;
        }

        (SectionTransformerOffsets, SectionTransformers) = Group(TransformerSection, NodeCount);
        NormalOpen = [.. Devices.Select(d => d.IsNormallyOpen)];
    }

    internal SwitchingDevice[] Devices { get; }

    internal TransformerConnection[] Transformers { get; }

    internal string[] SubstationIds { get; }

    /// <summary>The first breaker on each substation bus.</summary>
    internal int[] SourceBreaker { get; }

    /// <summary>Nodes 0 … SourceCount − 1 are the substation buses.</summary>
    internal int SourceCount { get; }

    internal int NodeCount { get; }

    /// <summary>The section a device heads, −1 for a tie.</summary>
    internal int[] SectionOf { get; }

    /// <summary>The device heading a section, −1 for a bus.</summary>
    internal int[] HeadDevice { get; }

    internal int[] EdgeFrom { get; }

    internal int[] EdgeTo { get; }

    internal int[] AdjacencyOffsets { get; }

    internal int[] AdjacencyNodes { get; }

    internal int[] AdjacencyDevices { get; }

    internal int[] TransformerSection { get; }

    internal int[] SectionTransformerOffsets { get; }

    internal int[] SectionTransformers { get; }

    internal int[] OwnResidential { get; }

    internal int[] OwnCommercial { get; }

    internal int[] OwnIndustrial { get; }

    internal int[] OwnCriticalCare { get; }

    internal int[] OwnTransformers { get; }

    /// <summary>The 24-hour peak load of each section's own transformers, kW.</summary>
    internal double[] OwnLoadKw { get; }

    internal bool[] NormalOpen { get; }

    public int DeviceCount => Devices.Length;

    public int TransformerCount => Transformers.Length;

    /// <summary>Builds the model; every parent and fuse must name a known device.</summary>
    public static ConnectivityModel Build(IReadOnlyList<SwitchingDevice> devices, IReadOnlyList<TransformerConnection> transformers)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(transformers);
        return new ConnectivityModel(devices, transformers);
    }

    /// <summary>The energisation under the devices' states as loaded.</summary>
    public ConnectivityState Derive() => Derive([.. Devices.Select(d => d.IsOpen)]);

    /// <summary>The energisation under <paramref name="open"/> (one flag per device, in model order).</summary>
    public ConnectivityState Derive(bool[] open)
    {
        ArgumentNullException.ThrowIfNull(open);
        return open.Length != Devices.Length
            ? throw new ArgumentException($"Expected {Devices.Length} device states, got {open.Length}.", nameof(open))
            : new ConnectivityState(this, open);
    }

    public int IndexOfDevice(string id) => _deviceIndex.TryGetValue(id, out var d) ? d : -1;

    public int IndexOfTransformer(string id) => _transformerIndex.TryGetValue(id, out var t) ? t : -1;

    public int IndexOfSubstation(string id) => _substationIndex.TryGetValue(id, out var s) ? s : -1;

    /// <summary>The breaker of a circuit, −1 when the circuit is unknown.</summary>
    public int BreakerOfCircuit(string circuitId) => _breakerOfCircuit.TryGetValue(circuitId, out var d) ? d : -1;

    public SwitchingDevice Device(int index) => Devices[index];

    internal ReadOnlySpan<int> TransformersOf(int node) =>
        SectionTransformers.AsSpan(SectionTransformerOffsets[node], SectionTransformerOffsets[node + 1] - SectionTransformerOffsets[node]);

    private int SectionHeadedBy(string? deviceId, SwitchingDevice? of)
    {
        if (deviceId is not null && _deviceIndex.TryGetValue(deviceId, out var parent) && SectionOf[parent] >= 0)
        {
            return SectionOf[parent];
        }

        throw new ArgumentException(of is null
            ? $"A transformer names the unknown fuse '{deviceId}'."
            : $"Device '{of.Id}' names '{deviceId}', which heads no section.");
    }

    private (int[], int[], int[]) BuildAdjacency()
    {
        var offsets = new int[NodeCount + 1];
        for (var d = 0; d < Devices.Length; d++)
        {
            offsets[EdgeFrom[d] + 1]++;
            offsets[EdgeTo[d] + 1]++;
        }

        for (var i = 0; i < NodeCount; i++)
        {
            offsets[i + 1] += offsets[i];
        }

        var nodes = new int[offsets[^1]];
        var edgeDevices = new int[nodes.Length];
        var fill = (int[])offsets.Clone();
        for (var d = 0; d < Devices.Length; d++)
        {
            var a = fill[EdgeFrom[d]]++;
            nodes[a] = EdgeTo[d];
            edgeDevices[a] = d;
            var b = fill[EdgeTo[d]]++;
            nodes[b] = EdgeFrom[d];
            edgeDevices[b] = d;
        }

        return (offsets, nodes, edgeDevices);
    }

    /// <summary>Groups item indices by their key as compressed sparse rows.</summary>
    internal static (int[] Offsets, int[] Items) Group(int[] keyOfItem, int keys)
    {
        var offsets = new int[keys + 1];
        foreach (var key in keyOfItem)
        {
            if (key >= 0)
            {
                offsets[key + 1]++;
            }
        }

        for (var i = 0; i < keys; i++)
        {
            offsets[i + 1] += offsets[i];
        }

        var items = new int[offsets[^1]];
        var fill = (int[])offsets.Clone();
        for (var item = 0; item < keyOfItem.Length; item++)
        {
            if (keyOfItem[item] >= 0)
            {
                items[fill[keyOfItem[item]]++] = item;
            }
        }

        return (offsets, items);
    }
}
