using Flux.OpsCenter.Data.Analysis.Graph;

namespace Flux.OpsCenter.Data.Analysis.Centrality;

/// <summary>
/// Exact centrality for the whole grid in near-linear time. The graph is split by peeling degree-1 nodes (the 2-core
/// decomposition): what remains is the meshed core (substations, transmission, tied feeders); every peeled node sits in a
/// tree hanging off exactly one core node through a chain of bridges, so every peeled node is an articulation point.
/// <list type="bullet">
/// <item>Betweenness of a peeled node v: removing v leaves its child subtrees and the rest of the component, and every path
/// between two of those parts runs through v: B(v) = ((N−1)² − Σ part²)/2.</item>
/// <item>Betweenness of a core node c: the same count for the parts its own hanging tree makes (children subtrees and the
/// rest), plus Brandes on the core where the pair (a, b) weighs |T_a|·|T_b| (the hanging trees' sizes): shortest paths
/// between trees leave them through their core roots, and the trees add no shortcuts.</item>
/// <item>Closeness: distance sums on the core come from the same BFS (Σ |T_a|·d(c,a) + depth sums), then down every bridge
/// D(child) = D(parent) + N − 2·size(child).</item>
/// <item>1/2/3-hop reach: BFS to depth 3 from core nodes, then ball_k(v) = down_k(v) + ball_{k−1}(parent) − down_{k−2}(v).</item>
/// </list>
/// PageRank (α 0.85) and eigenvector centrality (power iteration on A + I, as NetworkX) iterate on the full CSR; clustering
/// counts triangles exactly with a marker array.
/// </summary>
public static class CentralityCalculator
{
    /// <summary>Computes every metric for every node of <paramref name="graph"/>.</summary>
    public static NodeCentrality Compute(GridGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return Compute(graph.AdjacencyOffsets, graph.AdjacencyTargets);
    }

    /// <summary>Computes every metric for an undirected CSR graph (each edge listed at both ends, no self-loops).</summary>
    public static NodeCentrality Compute(int[] offsets, int[] targets)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(targets);
        var n = offsets.Length - 1;
        var peel = Peel(offsets, targets, n);
        var componentSize = ComponentSizes(offsets, targets, n, out var component);

        // Hanging-forest sizes, depth sums and down-counts, bottom-up (reverse peel order).
        var size = new int[n];
        var down = new int[4][];
        for (var j = 0; j < 4; j++)
        {
            down[j] = new int[n];
        }

        for (var v = 0; v < n; v++)
        {
            size[v] = 1;
            for (var j = 0; j < 4; j++)
            {
                down[j][v] = 1;
            }
        }

        var depthSum = new double[n];
        var sumSquares = new double[n];
        foreach (var v in peel.Order)
        {
            var p = peel.Parent[v];
            size[p] += size[v];
            depthSum[p] += depthSum[v] + size[v];
            sumSquares[p] += (double)size[v] * size[v];
            for (var j = 1; j < 4; j++)
            {
                down[j][p] += down[j - 1][v];
            }
        }

        // Core graph (CSR over core nodes only) with hanging-tree weights.
        var coreIndex = new int[n];
        Array.Fill(coreIndex, -1);
        var coreNodes = new List<int>();
        for (var v = 0; v < n; v++)
        {
            if (peel.Parent[v] < 0)
            {
                coreIndex[v] = coreNodes.Count;
                coreNodes.Add(v);
            }
        }

        var c = coreNodes.Count;
        var coreOffsets = new int[c + 1];
        var coreTargetList = new List<int>();
        for (var i = 0; i < c; i++)
        {
            var v = coreNodes[i];
            for (var k = offsets[v]; k < offsets[v + 1]; k++)
            {
                var w = coreIndex[targets[k]];
                if (w >= 0)
                {
                    coreTargetList.Add(w);
                }
            }

            coreOffsets[i + 1] = coreTargetList.Count;
        }

        var coreTargets = coreTargetList.ToArray();
        var weights = new double[c];
        for (var i = 0; i < c; i++)
        {
            weights[i] = size[coreNodes[i]];
        }

        var distanceSum = new double[n];
        var coreBetweenness = BrandesBetweenness.Compute(coreOffsets, coreTargets, weights, (s, distance, order, count) =>
        {
            var total = 0.0;
            for (var i = 0; i < count; i++)
            {
                var a = order[i];
                total += (weights[a] * distance[a]) + depthSum[coreNodes[a]];
            }

            distanceSum[coreNodes[s]] = total;
        });

        var betweenness = new double[n];
        for (var v = 0; v < n; v++)
        {
            double big = componentSize[component[v]];
            var rest = big - size[v];
            betweenness[v] = (((big - 1) * (big - 1)) - sumSquares[v] - (rest * rest)) / 2;
        }

        for (var i = 0; i < c; i++)
        {
            betweenness[coreNodes[i]] += coreBetweenness[i];
        }

        // Closeness and reach, top-down (peel order reversed: parents before children).
        var hop = new int[4][];
        for (var j = 0; j < 4; j++)
        {
            hop[j] = new int[n];
        }

        BallsFromCore(offsets, targets, coreNodes, hop);
        for (var i = peel.Order.Count - 1; i >= 0; i--)
        {
            var v = peel.Order[i];
            var p = peel.Parent[v];
            distanceSum[v] = distanceSum[p] + componentSize[component[v]] - (2.0 * size[v]);
            hop[0][v] = 1;
            for (var k = 1; k < 4; k++)
            {
                hop[k][v] = down[k][v] + hop[k - 1][p] - (k >= 2 ? down[k - 2][v] : 0);
            }
        }

        var degree = new double[n];
        var closeness = new double[n];
        var normalized = new double[n];
        for (var v = 0; v < n; v++)
        {
            double big = componentSize[component[v]];
            degree[v] = n > 1 ? (offsets[v + 1] - offsets[v]) / (double)(n - 1) : 0;
            // NetworkX's Wasserman–Faust scaling for graphs with several components.
            closeness[v] = distanceSum[v] > 0 && n > 1 ? (big - 1) / distanceSum[v] * ((big - 1) / (n - 1)) : 0;
            normalized[v] = n > 2 ? betweenness[v] / ((n - 1.0) * (n - 2.0) / 2.0) : 0;
        }

        return new NodeCentrality(
            degree, betweenness, normalized, closeness, PageRank(offsets, targets), Eigenvector(offsets, targets), Clustering(offsets, targets),
            [.. hop[1].Select(h => h - 1)], [.. hop[2].Select(h => h - 1)], [.. hop[3].Select(h => h - 1)], c);
    }

    /// <summary>PageRank with damping 0.85 on the undirected graph (each edge both ways), NetworkX's tolerance.</summary>
    public static double[] PageRank(int[] offsets, int[] targets, double alpha = 0.85, int maxIterations = 100)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(targets);
        var n = offsets.Length - 1;
        var x = new double[n];
        var next = new double[n];
        Array.Fill(x, 1.0 / n);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var dangling = 0.0;
            Array.Clear(next);
            for (var v = 0; v < n; v++)
            {
                var deg = offsets[v + 1] - offsets[v];
                if (deg == 0)
                {
                    dangling += x[v];
                    continue;
                }

                var share = alpha * x[v] / deg;
                for (var k = offsets[v]; k < offsets[v + 1]; k++)
                {
                    next[targets[k]] += share;
                }
            }

            var teleport = ((1 - alpha) + (alpha * dangling)) / n;
            var change = 0.0;
            for (var v = 0; v < n; v++)
            {
                next[v] += teleport;
                change += Math.Abs(next[v] - x[v]);
            }

            (x, next) = (next, x);
            if (change < n * 1e-6)
            {
                break;
            }
        }

        return x;
    }

    /// <summary>Eigenvector centrality by power iteration on A + I with L2 normalisation (NetworkX's method).</summary>
    public static double[] Eigenvector(int[] offsets, int[] targets, int maxIterations = 200)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(targets);
        var n = offsets.Length - 1;
        var x = new double[n];
        var next = new double[n];
        Array.Fill(x, 1.0 / n);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var norm = 0.0;
            for (var v = 0; v < n; v++)
            {
                var sum = x[v];
                for (var k = offsets[v]; k < offsets[v + 1]; k++)
                {
                    sum += x[targets[k]];
                }

                next[v] = sum;
                norm += sum * sum;
            }

            norm = Math.Sqrt(norm);
            var change = 0.0;
            for (var v = 0; v < n; v++)
            {
                next[v] = norm > 0 ? next[v] / norm : 0;
                change += Math.Abs(next[v] - x[v]);
            }

            (x, next) = (next, x);
            if (change < n * 1e-6)
            {
                break;
            }
        }

        return x;
    }

    /// <summary>Local clustering coefficient: closed neighbour pairs over possible pairs, exact.</summary>
    public static double[] Clustering(int[] offsets, int[] targets)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(targets);
        var n = offsets.Length - 1;
        var result = new double[n];
        var mark = new int[n];
        Array.Fill(mark, -1);
        for (var v = 0; v < n; v++)
        {
            var deg = offsets[v + 1] - offsets[v];
            if (deg < 2)
            {
                continue;
            }

            for (var k = offsets[v]; k < offsets[v + 1]; k++)
            {
                mark[targets[k]] = v;
            }

            long links = 0;
            for (var k = offsets[v]; k < offsets[v + 1]; k++)
            {
                var u = targets[k];
                for (var q = offsets[u]; q < offsets[u + 1]; q++)
                {
                    if (mark[targets[q]] == v)
                    {
                        links++;
                    }
                }
            }

            result[v] = links / (double)(deg * (deg - 1));
        }

        return result;
    }

    private static (List<int> Order, int[] Parent) Peel(int[] offsets, int[] targets, int n)
    {
        var degree = new int[n];
        var removed = new bool[n];
        var parent = new int[n];
        Array.Fill(parent, -1);
        var queue = new Queue<int>();
        for (var v = 0; v < n; v++)
        {
            degree[v] = offsets[v + 1] - offsets[v];
            if (degree[v] == 1)
            {
                queue.Enqueue(v);
            }
        }

        var order = new List<int>();
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            if (degree[v] != 1 || removed[v])
            {
                continue;
            }

            removed[v] = true;
            order.Add(v);
            for (var k = offsets[v]; k < offsets[v + 1]; k++)
            {
                var w = targets[k];
                if (removed[w])
                {
                    continue;
                }

                parent[v] = w;
                if (--degree[w] == 1)
                {
                    queue.Enqueue(w);
                }
            }

            degree[v] = 0;
        }

        return (order, parent);
    }

    private static int[] ComponentSizes(int[] offsets, int[] targets, int n, out int[] component)
    {
        component = new int[n];
        Array.Fill(component, -1);
        var sizes = new List<int>();
        var stack = new Stack<int>();
        for (var s = 0; s < n; s++)
        {
            if (component[s] >= 0)
            {
                continue;
            }

            var id = sizes.Count;
            var count = 0;
            component[s] = id;
            stack.Push(s);
            while (stack.Count > 0)
            {
                var v = stack.Pop();
                count++;
                for (var k = offsets[v]; k < offsets[v + 1]; k++)
                {
                    if (component[targets[k]] < 0)
                    {
                        component[targets[k]] = id;
                        stack.Push(targets[k]);
                    }
                }
            }

            sizes.Add(count);
        }

        return [.. sizes];
    }

    private static void BallsFromCore(int[] offsets, int[] targets, List<int> coreNodes, int[][] hop)
    {
        var n = offsets.Length - 1;
        var seen = new int[n];
        Array.Fill(seen, -1);
        var frontier = new List<int>();
        var next = new List<int>();
        foreach (var s in coreNodes)
        {
            frontier.Clear();
            frontier.Add(s);
            seen[s] = s;
            var total = 1;
            hop[0][s] = 1;
            for (var depth = 1; depth <= 3; depth++)
            {
                next.Clear();
                foreach (var v in frontier)
                {
                    for (var k = offsets[v]; k < offsets[v + 1]; k++)
                    {
                        var w = targets[k];
                        if (seen[w] != s)
                        {
                            seen[w] = s;
                            next.Add(w);
                        }
                    }
                }

                total += next.Count;
                hop[depth][s] = total;
                (frontier, next) = (next, frontier);
            }
        }
    }
}
