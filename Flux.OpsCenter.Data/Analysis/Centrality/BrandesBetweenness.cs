namespace Flux.OpsCenter.Data.Analysis.Centrality;

/// <summary>
/// Brandes (2001) betweenness on an unweighted undirected CSR graph, with optional node weights: the pair (s, t)
/// counts weight(s)·weight(t), which is how the core of a tree-plus-core graph stands for the trees hanging off it.
/// Without weights it is the plain exact algorithm the tests and benchmarks use as the brute-force reference.
/// </summary>
public static class BrandesBetweenness
{
    /// <summary>Unnormalised betweenness over unordered pairs; <paramref name="weights"/> null means 1 per node. <paramref name="onSource"/> sees each source's BFS distances and visit order (count entries).</summary>
    public static double[] Compute(int[] offsets, int[] targets, double[]? weights = null, Action<int, int[], int[], int>? onSource = null)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(targets);
        var n = offsets.Length - 1;
        var result = new double[n];
        var sigma = new double[n];
        var distance = new int[n];
        var delta = new double[n];
        var order = new int[n];
        var queue = new int[n];
        for (var s = 0; s < n; s++)
        {
            Array.Fill(distance, -1);
            Array.Clear(sigma);
            Array.Clear(delta);
            sigma[s] = 1;
            distance[s] = 0;
            int head = 0, tail = 0, count = 0;
            queue[tail++] = s;
            while (head < tail)
            {
                var v = queue[head++];
                order[count++] = v;
                for (var k = offsets[v]; k < offsets[v + 1]; k++)
                {
                    var w = targets[k];
                    if (distance[w] < 0)
                    {
                        distance[w] = distance[v] + 1;
                        queue[tail++] = w;
                    }

                    if (distance[w] == distance[v] + 1)
                    {
                        sigma[w] += sigma[v];
                    }
                }
            }

            onSource?.Invoke(s, distance, order, count);
            for (var i = count - 1; i > 0; i--)
            {
                var w = order[i];
                var weightW = weights is null ? 1 : weights[w];
                for (var k = offsets[w]; k < offsets[w + 1]; k++)
                {
                    var v = targets[k];
                    if (distance[v] == distance[w] - 1)
                    {
                        delta[v] += sigma[v] / sigma[w] * (weightW + delta[w]);
                    }
                }

                result[w] += (weights is null ? 1 : weights[s]) * delta[w];
            }
        }

        for (var v = 0; v < n; v++)
        {
            result[v] /= 2;
        }

        return result;
    }
}
