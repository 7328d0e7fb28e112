namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>
/// The energisation of every section under one set of device states: a breadth-first walk from every substation bus
/// over closed devices, recording for each section the device it is fed through, the breaker (feeder) energising it,
/// and what it feeds below (customers by class, critical care, transformers). Immutable: an operation derives a new
/// state (a full walk is linear in the devices, a few milliseconds at houston scale), so readers never see half of one.
/// </summary>
public sealed class ConnectivityState
{
    internal ConnectivityState(ConnectivityModel model, bool[] open)
    {
        Model = model;
        Open = open;
        var n = model.NodeCount;
        FeedingDevice = new int[n];
        ParentNode = new int[n];
        EnergizingBreaker = new int[n];
        FedNode = new int[model.DeviceCount];
        Array.Fill(FeedingDevice, -1);
        Array.Fill(ParentNode, -1);
        Array.Fill(EnergizingBreaker, -1);
        Array.Fill(FedNode, -1);
        var visited = new bool[n];
        var order = new int[n];
        var count = 0;
        for (var s = 0; s < model.SourceCount; s++)
        {
            visited[s] = true;
            order[count++] = s;
        }

        for (var head = 0; head < count; head++)
        {
            var v = order[head];
            for (var k = model.AdjacencyOffsets[v]; k < model.AdjacencyOffsets[v + 1]; k++)
            {
                var w = model.AdjacencyNodes[k];
                var d = model.AdjacencyDevices[k];
                if (visited[w] || open[d])
                {
                    continue;
                }

                visited[w] = true;
                FeedingDevice[w] = d;
                ParentNode[w] = v;
                FedNode[d] = w;
                EnergizingBreaker[w] = model.Devices[d].Type == SwitchingDeviceType.Breaker ? d : EnergizingBreaker[v];
                order[count++] = w;
            }
        }

        Energized = visited;
        Order = order[..count];
        (ChildOffsets, Children) = ConnectivityModel.Group(ParentNode, n);

        DownResidential = (int[])model.OwnResidential.Clone();
        DownCommercial = (int[])model.OwnCommercial.Clone();
        DownIndustrial = (int[])model.OwnIndustrial.Clone();
        DownCriticalCare = (int[])model.OwnCriticalCare.Clone();
        DownTransformers = (int[])model.OwnTransformers.Clone();
        DownLoadKw = (double[])model.OwnLoadKw.Clone();
        for (var k = count - 1; k >= 0; k--)
        {
            var v = Order[k];
            var p = ParentNode[v];
            if (p < 0)
            {
                continue;
            }

            DownResidential[p] += DownResidential[v];
            DownCommercial[p] += DownCommercial[v];
            DownIndustrial[p] += DownIndustrial[v];
            DownCriticalCare[p] += DownCriticalCare[v];
            DownTransformers[p] += DownTransformers[v];
            DownLoadKw[p] += DownLoadKw[v];
        }
    }

    public ConnectivityModel Model { get; }

    /// <summary>One flag per device: open now.</summary>
    internal bool[] Open { get; }

    internal bool[] Energized { get; }

    /// <summary>The device a section is fed through, −1 for buses and de-energised sections.</summary>
    internal int[] FeedingDevice { get; }

    internal int[] ParentNode { get; }

    /// <summary>The breaker whose feeder energises a section, −1 when de-energised.</summary>
    internal int[] EnergizingBreaker { get; }

    /// <summary>The section a device feeds now, −1 when it feeds nothing (open, de-energised, or a tie closed into a loop).</summary>
    internal int[] FedNode { get; }

    /// <summary>Energised nodes, each after the node feeding it.</summary>
    internal int[] Order { get; }

    internal int[] ChildOffsets { get; }

    internal int[] Children { get; }

    internal int[] DownResidential { get; }

    internal int[] DownCommercial { get; }

    internal int[] DownIndustrial { get; }

    internal int[] DownCriticalCare { get; }

    internal int[] DownTransformers { get; }

    internal double[] DownLoadKw { get; }

    /// <summary>ACTIVE customers energised anywhere.</summary>
    public int EnergizedCustomers
    {
        get
        {
            var total = 0;
            for (var s = 0; s < Model.SourceCount; s++)
            {
                total += DownResidential[s] + DownCommercial[s] + DownIndustrial[s];
            }

            return total;
        }
    }

    /// <summary>The planning load a breaker carries now (24-hour peaks of everything it feeds), kW; zero when it feeds nothing.</summary>
    public double LoadThroughKw(int device) => FedNode[device] is var node and >= 0 ? DownLoadKw[node] : 0;

    /// <summary>Whether device <paramref name="device"/> is open in this state.</summary>
    public bool IsOpen(int device) => Open[device];

    /// <summary>A new state with one device operated; this one is unchanged.</summary>
    public ConnectivityState With(int device, bool open)
    {
        var states = (bool[])Open.Clone();
        states[device] = open;
        return new ConnectivityState(Model, states);
    }

    /// <summary>ACTIVE customers fed through a device now (zero when it feeds nothing).</summary>
    public int CustomersFedThrough(int device)
    {
        var node = FedNode[device];
        return node < 0 ? 0 : DownResidential[node] + DownCommercial[node] + DownIndustrial[node];
    }

    /// <summary>The circuit whose breaker energises the section a transformer is on, or null when it is de-energised.</summary>
    public string? EnergizingCircuitOfTransformer(int transformer)
    {
        var breaker = EnergizingBreaker[Model.TransformerSection[transformer]];
        return breaker < 0 ? null : Model.Devices[breaker].CircuitId;
    }

    /// <summary>The circuit energising the section a device heads (or, for a tie, the section on its own side), or null.</summary>
    public string? EnergizingCircuitOfDevice(int device)
    {
        var node = Model.SectionOf[device] >= 0 ? Model.SectionOf[device] : Model.EdgeFrom[device];
        var breaker = EnergizingBreaker[node];
        return breaker < 0 ? null : Model.Devices[breaker].CircuitId;
    }

    internal ReadOnlySpan<int> ChildrenOf(int node) => Children.AsSpan(ChildOffsets[node], ChildOffsets[node + 1] - ChildOffsets[node]);
}
