namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>
/// Traces from any asset the model knows (a switching device, a transformer, a feeder through its breaker, a
/// substation through its bus) over one <see cref="ConnectivityState"/>. Customers always mean ACTIVE accounts:
/// downstream, those fed through the asset now; upstream, those the asset itself feeds; isolation, those inside the
/// section the isolating devices cut out.
/// </summary>
public static class NetworkTracer
{
    /// <summary>Most assets listed in one result; the counts by type are always complete.</summary>
    public const int MaxListedAssets = 5_000;

    private const string TransformerType = "TRANSFORMER";
    private const string SubstationType = "SUBSTATION";

    /// <summary>The trace, or null when no asset has the id.</summary>
    public static TraceResult? Trace(ConnectivityState state, string assetId, TraceDirection direction)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(assetId);
        var model = state.Model;
        var id = assetId.Trim().ToUpperInvariant();
        var device = model.IndexOfDevice(id);
        if (device < 0 && model.BreakerOfCircuit(id) is var breaker and >= 0)
        {
            device = breaker;
        }

        if (device >= 0)
        {
            return direction switch
            {
                TraceDirection.Downstream => DeviceDownstream(state, id, device),
                TraceDirection.Upstream => Upstream(state, id, model.Devices[device].TypeName, UpstreamStartOf(state, device), CountsFedThrough(state, device)),
                _ => Isolation(state, id, model.Devices[device].TypeName, model.SectionOf[device], device),
            };
        }

        var transformer = model.IndexOfTransformer(id);
        if (transformer >= 0)
        {
            var section = model.TransformerSection[transformer];
            var fed = state.Energized[section];
            var t = model.Transformers[transformer];
            var counts = fed ? new Counts(t.ResidentialCustomers, t.CommercialCustomers, t.IndustrialCustomers, t.CriticalCareCustomers) : default;
            return direction switch
            {
                TraceDirection.Downstream => Result(state, id, TransformerType, direction, fed, section,
                    new Collector(model).AddTransformer(transformer), counts, IsolatingOf(state, [section])),
                TraceDirection.Upstream => Upstream(state, id, TransformerType, section, counts),
                _ => Isolation(state, id, TransformerType, section, -1),
            };
        }

        var substation = model.IndexOfSubstation(id);
        if (substation < 0)
        {
            return null;
        }

        return direction switch
        {
            TraceDirection.Downstream => Subtree(state, id, SubstationType, substation),
            TraceDirection.Upstream => Upstream(state, id, SubstationType, substation, CountsBelow(state, substation)),
            _ => Isolation(state, id, SubstationType, substation, -1),
        };
    }

    private static TraceResult DeviceDownstream(ConnectivityState state, string id, int device)
    {
        var node = state.FedNode[device];
        var type = state.Model.Devices[device].TypeName;
        if (node < 0)
        {
            // Open, de-energised, or a tie closed into a loop: it feeds nothing now.
            return Result(state, id, type, TraceDirection.Downstream, false, -1, new Collector(state.Model), default, [Device(state, device)]);
        }

        return Subtree(state, id, type, node);
    }

    /// <summary>Everything below <paramref name="root"/> in the energised tree.</summary>
    private static TraceResult Subtree(ConnectivityState state, string id, string type, int root)
    {
        var model = state.Model;
        var collector = new Collector(model);
        var stack = new Stack<int>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var v = stack.Pop();
            if (state.FeedingDevice[v] >= 0)
            {
                collector.AddDevice(state, state.FeedingDevice[v]);
            }

            foreach (var t in model.TransformersOf(v))
            {
                collector.AddTransformer(t);
            }

            foreach (var child in state.ChildrenOf(v))
            {
                stack.Push(child);
            }
        }

        var isolating = root < model.SourceCount ? [.. state.ChildrenOf(root).ToArray().Select(c => Device(state, state.FeedingDevice[c]))] : IsolatingOf(state, [root]);
        return Result(state, id, type, TraceDirection.Downstream, state.Energized[root], root, collector, CountsBelow(state, root), isolating);
    }

    private static TraceResult Upstream(ConnectivityState state, string id, string type, int start, Counts counts)
    {
        var model = state.Model;
        var collector = new Collector(model);
        var energized = start >= 0 && state.Energized[start];
        var isolating = new List<TracedAsset>();
        for (var v = energized ? start : -1; v >= 0; v = state.ParentNode[v])
        {
            if (state.FeedingDevice[v] >= 0)
            {
                collector.AddDevice(state, state.FeedingDevice[v]);
                if (isolating.Count == 0)
                {
                    isolating.Add(Device(state, state.FeedingDevice[v]));
                }
            }
            else if (v < model.SourceCount)
            {
                collector.AddSubstation(v);
            }
        }

        return Result(state, id, type, TraceDirection.Upstream, energized, start, collector, counts, isolating);
    }

    private static TraceResult Isolation(ConnectivityState state, string id, string type, int section, int device)
    {
        var model = state.Model;
        var collector = new Collector(model);
        if (section < 0)
        {
            // A tie heads no section: opening it is all it takes.
            return Result(state, id, type, TraceDirection.Isolation, state.EnergizingCircuitOfDevice(device) is not null, model.EdgeFrom[device],
                collector.AddDevice(state, device), default, [Device(state, device)]);
        }

        var isolating = new List<TracedAsset>();
        for (var k = model.AdjacencyOffsets[section]; k < model.AdjacencyOffsets[section + 1]; k++)
        {
            var d = model.AdjacencyDevices[k];
            collector.AddDevice(state, d);
            isolating.Add(Device(state, d));
        }

        foreach (var t in model.TransformersOf(section))
        {
            collector.AddTransformer(t);
        }

        var own = new Counts(model.OwnResidential[section], model.OwnCommercial[section], model.OwnIndustrial[section], model.OwnCriticalCare[section]);
        return Result(state, id, type, TraceDirection.Isolation, state.Energized[section], section, collector, own, isolating);
    }

    /// <summary>Where an upstream walk from a device starts: the section feeding it, or the one it hangs off when it feeds nothing.</summary>
    private static int UpstreamStartOf(ConnectivityState state, int device)
    {
        var fed = state.FedNode[device];
        return fed >= 0 ? state.ParentNode[fed] : state.Model.EdgeFrom[device];
    }

    private static Counts CountsFedThrough(ConnectivityState state, int device) =>
        state.FedNode[device] is var node and >= 0 ? CountsBelow(state, node) : default;

    private static Counts CountsBelow(ConnectivityState state, int node) =>
        state.Energized[node]
            ? new Counts(state.DownResidential[node], state.DownCommercial[node], state.DownIndustrial[node], state.DownCriticalCare[node])
            : default;

    private static List<TracedAsset> IsolatingOf(ConnectivityState state, int[] roots) =>
        [.. roots.Where(r => state.FeedingDevice[r] >= 0).Select(r => Device(state, state.FeedingDevice[r]))];

    private static TracedAsset Device(ConnectivityState state, int device)
    {
        var d = state.Model.Devices[device];
        return new(d.Id, d.TypeName, d.Name, d.Latitude, d.Longitude, state.Open[device] ? SwitchingDeviceTypes.Open : SwitchingDeviceTypes.Closed);
    }

    private static TraceResult Result(ConnectivityState state, string id, string type, TraceDirection direction, bool energized, int node,
        Collector collector, Counts counts, IReadOnlyList<TracedAsset> isolating)
    {
        var breaker = node >= 0 && energized ? state.EnergizingBreaker[node] : -1;
        var source = breaker >= 0 ? state.Model.Devices[breaker] : null;
        var substation = source?.SubstationId ?? (node >= 0 && node < state.Model.SourceCount ? state.Model.SubstationIds[node] : null);
        return new TraceResult(id, type, direction, energized, substation, source?.CircuitId, source?.Id,
            collector.ByType, collector.Assets, collector.Truncated, counts.Total, counts.CriticalCare,
            new Dictionary<string, int>(StringComparer.Ordinal)
            {
                ["RESIDENTIAL"] = counts.Residential,
                ["COMMERCIAL"] = counts.Commercial,
                ["INDUSTRIAL"] = counts.Industrial,
            },
            isolating);
    }

    private readonly record struct Counts(int Residential, int Commercial, int Industrial, int CriticalCare)
    {
        public int Total => Residential + Commercial + Industrial;
    }

    /// <summary>Counts assets by type and lists the first <see cref="MaxListedAssets"/>.</summary>
    private sealed class Collector(ConnectivityModel model)
    {
        public Dictionary<string, int> ByType { get; } = new(StringComparer.Ordinal);

        public List<TracedAsset> Assets { get; } = [];

        public bool Truncated { get; private set; }

        public Collector AddDevice(ConnectivityState state, int device)
        {
            var d = model.Devices[device];
            return Add(d.TypeName, () => new TracedAsset(d.Id, d.TypeName, d.Name, d.Latitude, d.Longitude,
                state.Open[device] ? SwitchingDeviceTypes.Open : SwitchingDeviceTypes.Closed));
        }

        public Collector AddTransformer(int transformer)
        {
            var t = model.Transformers[transformer];
            return Add(TransformerType, () => new TracedAsset(t.Id, TransformerType, null, t.Latitude, t.Longitude, null));
        }

        public Collector AddSubstation(int source)
        {
            // A breaker sits at its substation, so the first breaker of the bus gives its name and place.
            var breaker = model.Devices[model.SourceBreaker[source]];
            return Add(SubstationType, () => new TracedAsset(breaker.SubstationId, SubstationType, breaker.SubstationName, breaker.Latitude, breaker.Longitude, null));
        }

        private Collector Add(string type, Func<TracedAsset> make)
        {
            ByType[type] = ByType.GetValueOrDefault(type) + 1;
            if (Assets.Count < MaxListedAssets)
            {
                Assets.Add(make());
            }
            else
            {
                Truncated = true;
            }

            return this;
        }
    }
}
