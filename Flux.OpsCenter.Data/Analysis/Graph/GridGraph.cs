namespace Flux.OpsCenter.Data.Analysis.Graph;

/// <summary>
/// The whole grid in memory as compressed sparse rows: an undirected adjacency over every edge (radial links,
/// transmission, normally-open ties) plus the radial tree (parent and children) that supplies each node.
/// Immutable once built; one instance per topology is shared by every request.
/// </summary>
public sealed class GridGraph
{
    private readonly Dictionary<string, int> _index;

    private GridGraph(IReadOnlyList<GridNodeRow> nodes, IReadOnlyList<GridEdgeRow> edges)
    {
        var n = nodes.Count;
        NodeCount = n;
        _index = new Dictionary<string, int>(n, StringComparer.Ordinal);
        Ids = new string[n];
        Names = new string?[n];
        Types = new GridNodeType[n];
        Latitudes = new double[n];
        Longitudes = new double[n];
        CapacityKw = new double[n];
        LoadKw = new double[n];
        HealthScores = new double[n];
        AgeYears = new double[n];
        Criticality = new double[n];
        VoltageKv = new double[n];
        OwnCustomers = new int[n];
        for (var i = 0; i < n; i++)
        {
            var row = nodes[i];
            if (!_index.TryAdd(row.Id, i))
            {
                throw new ArgumentException($"Node '{row.Id}' appears twice.", nameof(nodes));
            }

            Ids[i] = row.Id;
            Names[i] = row.Name;
            Types[i] = row.Type;
            Latitudes[i] = row.Latitude;
            Longitudes[i] = row.Longitude;
            CapacityKw[i] = row.CapacityKw;
            LoadKw[i] = row.CapacityKw * row.LoadFactor;
            HealthScores[i] = row.HealthScore;
            AgeYears[i] = row.AgeYears;
            Criticality[i] = row.CriticalityScore;
            VoltageKv[i] = row.VoltageKv;
            // Only meters serve customers directly; every other level's count is the sum over its subtree.
            OwnCustomers[i] = row.Type == GridNodeType.Meter ? row.DownstreamCustomers : 0;
        }

        Parent = new int[n];
        for (var i = 0; i < n; i++)
        {
            var parentId = nodes[i].ParentId;
            Parent[i] = parentId is null ? -1
                : _index.TryGetValue(parentId, out var p) ? p
                : throw new ArgumentException($"Node '{nodes[i].Id}' names an unknown parent '{parentId}'.", nameof(nodes));
        }

        (ChildOffsets, Children) = BuildChildren(Parent);
        (TopDown, Depth) = BuildOrder(Parent, ChildOffsets, Children);
        (AdjacencyOffsets, AdjacencyTargets, AdjacencyTypes, AdjacencyDistanceKm) = BuildAdjacency(edges);
        EdgeCount = edges.Count;

        SubtreeSize = new int[n];
        SubtreeCustomers = new int[n];
        SubtreeTransformers = new int[n];
        RootOf = new int[n];
        for (var k = n - 1; k >= 0; k--)
        {
            var v = TopDown[k];
            SubtreeSize[v] += 1;
            SubtreeCustomers[v] += OwnCustomers[v];
            SubtreeTransformers[v] += Types[v] == GridNodeType.Transformer ? 1 : 0;
            var p = Parent[v];
            if (p >= 0)
            {
                SubtreeSize[p] += SubtreeSize[v];
                SubtreeCustomers[p] += SubtreeCustomers[v];
                SubtreeTransformers[p] += SubtreeTransformers[v];
            }
        }

        foreach (var v in TopDown)
        {
            RootOf[v] = Parent[v] < 0 ? v : RootOf[Parent[v]];
        }

        Substations = [.. Enumerable.Range(0, n).Where(i => Types[i] == GridNodeType.Substation)];
        Feeders = [.. Enumerable.Range(0, n).Where(i => Types[i] == GridNodeType.Feeder)];
        CorePosition = new int[n];
        Array.Fill(CorePosition, -1);
        for (var i = 0; i < Substations.Length; i++)
        {
            CorePosition[Substations[i]] = i;
        }

        for (var i = 0; i < Feeders.Length; i++)
        {
            CorePosition[Feeders[i]] = i;
        }
    }

    public int NodeCount { get; }

    public int EdgeCount { get; }

    internal string[] Ids { get; }

    internal string?[] Names { get; }

    internal GridNodeType[] Types { get; }

    internal double[] Latitudes { get; }

    internal double[] Longitudes { get; }

    internal double[] CapacityKw { get; }

    /// <summary>Load at the reference (peak) hour, kW.</summary>
    internal double[] LoadKw { get; }

    internal double[] HealthScores { get; }

    internal double[] AgeYears { get; }

    internal double[] Criticality { get; }

    internal double[] VoltageKv { get; }

    internal int[] OwnCustomers { get; }

    /// <summary>Radial supply parent, −1 for substations.</summary>
    internal int[] Parent { get; }

    internal int[] ChildOffsets { get; }

    internal int[] Children { get; }

    /// <summary>Every node, each after its parent.</summary>
    internal int[] TopDown { get; }

    internal int[] Depth { get; }

    internal int[] AdjacencyOffsets { get; }

    internal int[] AdjacencyTargets { get; }

    internal GridEdgeType[] AdjacencyTypes { get; }

    internal double[] AdjacencyDistanceKm { get; }

    internal int[] SubtreeSize { get; }

    internal int[] SubtreeCustomers { get; }

    internal int[] SubtreeTransformers { get; }

    internal int[] RootOf { get; }

    internal int[] Substations { get; }

    internal int[] Feeders { get; }

    /// <summary>Position of a substation in <see cref="Substations"/> or of a feeder in <see cref="Feeders"/>; −1 for other nodes.</summary>
    internal int[] CorePosition { get; }

    /// <summary>Customers served by the whole graph.</summary>
    public int TotalCustomers => Substations.Sum(s => SubtreeCustomers[s]);

    /// <summary>Builds the graph; parents must exist and every edge must join known nodes.</summary>
    public static GridGraph Build(IReadOnlyList<GridNodeRow> nodes, IReadOnlyList<GridEdgeRow> edges)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(edges);
        return new GridGraph(nodes, edges);
    }

    /// <summary>The index of a node id, or −1.</summary>
    public int IndexOf(string nodeId) => _index.TryGetValue(nodeId, out var i) ? i : -1;

    /// <summary>The public view of one node.</summary>
    public GridNodeInfo Node(int index) => new(
        Ids[index], Types[index], Names[index], Latitudes[index], Longitudes[index], CapacityKw[index], LoadKw[index],
        SubtreeCustomers[index], Parent[index] < 0 ? null : Ids[Parent[index]], Ids[RootOf[index]]);

    /// <summary>Nodes whose id or name contains <paramref name="text"/>, substations and feeders first.</summary>
    public IReadOnlyList<GridNodeInfo> Search(string text, int limit)
    {
        var hits = new List<GridNodeInfo>();
        foreach (var v in TopDown)
        {
            if (hits.Count >= limit)
            {
                break;
            }

            if (Ids[v].Contains(text, StringComparison.OrdinalIgnoreCase) || (Names[v]?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false))
            {
                hits.Add(Node(v));
            }
        }

        return hits;
    }

    /// <summary>Neighbours of <paramref name="v"/> in the undirected graph.</summary>
    internal ReadOnlySpan<int> Neighbours(int v) => AdjacencyTargets.AsSpan(AdjacencyOffsets[v], AdjacencyOffsets[v + 1] - AdjacencyOffsets[v]);

    internal ReadOnlySpan<int> ChildrenOf(int v) => Children.AsSpan(ChildOffsets[v], ChildOffsets[v + 1] - ChildOffsets[v]);

    /// <summary>Tie partners of a feeder (both ends of every normally-open tie that touches it).</summary>
    internal IEnumerable<int> TiePartners(int feeder)
    {
        for (var k = AdjacencyOffsets[feeder]; k < AdjacencyOffsets[feeder + 1]; k++)
        {
            if (AdjacencyTypes[k] == GridEdgeType.Tie)
            {
                yield return AdjacencyTargets[k];
            }
        }
    }

    /// <summary>Substations joined to <paramref name="substation"/> by a transmission line.</summary>
    internal IEnumerable<int> TransmissionNeighbours(int substation)
    {
        for (var k = AdjacencyOffsets[substation]; k < AdjacencyOffsets[substation + 1]; k++)
        {
            if (AdjacencyTypes[k] == GridEdgeType.Transmission)
            {
                yield return AdjacencyTargets[k];
            }
        }
    }

    private static (int[] Offsets, int[] Children) BuildChildren(int[] parent)
    {
        var offsets = new int[parent.Length + 1];
        foreach (var p in parent)
        {
            if (p >= 0)
            {
                offsets[p + 1]++;
            }
        }

        for (var i = 0; i < parent.Length; i++)
        {
            offsets[i + 1] += offsets[i];
        }

        var children = new int[offsets[^1]];
        var fill = (int[])offsets.Clone();
        for (var v = 0; v < parent.Length; v++)
        {
            if (parent[v] >= 0)
            {
                children[fill[parent[v]]++] = v;
            }
        }

        return (offsets, children);
    }

    private static (int[] Order, int[] Depth) BuildOrder(int[] parent, int[] childOffsets, int[] children)
    {
        var order = new int[parent.Length];
        var depth = new int[parent.Length];
        var count = 0;
        for (var v = 0; v < parent.Length; v++)
        {
            if (parent[v] < 0)
            {
                order[count++] = v;
            }
        }

        for (var head = 0; head < count; head++)
        {
            var v = order[head];
            for (var k = childOffsets[v]; k < childOffsets[v + 1]; k++)
            {
                depth[children[k]] = depth[v] + 1;
                order[count++] = children[k];
            }
        }

        return count != parent.Length
            ? throw new ArgumentException("The parent links contain a cycle.", nameof(parent))
            : (order, depth);
    }

    private (int[], int[], GridEdgeType[], double[]) BuildAdjacency(IReadOnlyList<GridEdgeRow> edges)
    {
        var from = new int[edges.Count];
        var to = new int[edges.Count];
        var offsets = new int[NodeCount + 1];
        for (var e = 0; e < edges.Count; e++)
        {
            from[e] = IndexOf(edges[e].FromId);
            to[e] = IndexOf(edges[e].ToId);
            if (from[e] < 0 || to[e] < 0 || from[e] == to[e])
            {
                throw new ArgumentException($"Edge {edges[e].FromId} → {edges[e].ToId} joins unknown or identical nodes.", nameof(edges));
            }

            offsets[from[e] + 1]++;
            offsets[to[e] + 1]++;
        }

        for (var i = 0; i < NodeCount; i++)
        {
            offsets[i + 1] += offsets[i];
        }

        var targets = new int[offsets[^1]];
        var types = new GridEdgeType[targets.Length];
        var distances = new double[targets.Length];
        var fill = (int[])offsets.Clone();
        for (var e = 0; e < edges.Count; e++)
        {
            var a = fill[from[e]]++;
            targets[a] = to[e];
            types[a] = edges[e].Type;
            distances[a] = edges[e].DistanceKm;
            var b = fill[to[e]]++;
            targets[b] = from[e];
            types[b] = edges[e].Type;
            distances[b] = edges[e].DistanceKm;
        }

        return (offsets, targets, types, distances);
    }
}
