using Flux.OpsCenter.Data.Analysis.Centrality;

namespace Flux.OpsCenter.Tests.Data.Analysis;

/// <summary>The tree + core decomposition gives exactly what brute force gives on every small graph we throw at it.</summary>
public sealed class CentralityCalculatorTests
{
    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Betweenness_closeness_and_reach_equal_brute_force_on_random_meshed_trees(int seed)
    {
        var (offsets, targets) = RandomGridLikeGraph(seed);

        var fast = CentralityCalculator.Compute(offsets, targets);
        var brute = BrandesBetweenness.Compute(offsets, targets);
        var n = offsets.Length - 1;

        for (var v = 0; v < n; v++)
        {
            Assert.Equal(brute[v], fast.Betweenness[v], 6);
            var (distanceSum, reachable, hops) = BruteBfs(offsets, targets, v);
            var expectedCloseness = distanceSum == 0 ? 0 : (reachable - 1.0) / distanceSum * ((reachable - 1.0) / (n - 1));
            Assert.Equal(expectedCloseness, fast.Closeness[v], 9);
            Assert.Equal(hops[1], fast.Hop1[v]);
            Assert.Equal(hops[2], fast.Hop2[v]);
            Assert.Equal(hops[3], fast.Hop3[v]);
        }
    }

    [Fact]
    public void Star_centre_carries_every_pair_and_a_path_middle_carries_the_crossing_pairs()
    {
        // Path 0-1-2-3-4 plus a triangle 4-5-6.
        var (offsets, targets) = Csr(7, [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 4)]);

        var c = CentralityCalculator.Compute(offsets, targets);

        Assert.Equal(0, c.Betweenness[0]);
        Assert.Equal(1 * 5, c.Betweenness[1]);
        Assert.Equal(2 * 4, c.Betweenness[2]);
        Assert.Equal(4 * 2, c.Betweenness[4]);
        Assert.Equal(0, c.Betweenness[5]);
        Assert.Equal(1.0, c.Clustering[5], 12);
        Assert.Equal(1.0 / 3, c.Clustering[4], 12);
        Assert.Equal(1.0, c.PageRank.Sum(), 6);
    }

    [Fact]
    public void Disconnected_pure_trees_are_exact_too()
    {
        var (offsets, targets) = Csr(9, [(0, 1), (1, 2), (1, 3), (4, 5), (5, 6), (6, 7)]);

        var fast = CentralityCalculator.Compute(offsets, targets);
        var brute = BrandesBetweenness.Compute(offsets, targets);

        Assert.Equal(brute, fast.Betweenness);
    }

    internal static (int[] Offsets, int[] Targets) RandomGridLikeGraph(int seed)
    {
        var random = new Random(seed);
        var edges = new HashSet<(int, int)>();
        var core = 3 + random.Next(6);
        for (var i = 0; i < core; i++)
        {
            // A ring plus random chords: the meshed core with cycles and several shortest paths.
            Add(edges, i, (i + 1) % core);
            if (random.NextDouble() < 0.4)
            {
                Add(edges, i, random.Next(core));
            }
        }

        var n = core;
        var trees = 30 + random.Next(60);
        for (var k = 0; k < trees; k++)
        {
            // Hang a node off any existing node: trees grow off the core and off each other.
            Add(edges, n, random.Next(n));
            n++;
        }

        // A few ties between tree nodes close new cycles, so the 2-core reaches into the trees.
        for (var k = 0; k < random.Next(3); k++)
        {
            Add(edges, core + random.Next(n - core), core + random.Next(n - core));
        }

        return Csr(n, [.. edges]);
    }

    private static void Add(HashSet<(int, int)> edges, int a, int b)
    {
        if (a != b)
        {
            edges.Add((Math.Min(a, b), Math.Max(a, b)));
        }
    }

    internal static (int[] Offsets, int[] Targets) Csr(int n, (int A, int B)[] edges)
    {
        var lists = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        foreach (var (a, b) in edges)
        {
            lists[a].Add(b);
            lists[b].Add(a);
        }

        var offsets = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            offsets[i + 1] = offsets[i] + lists[i].Count;
        }

        return (offsets, [.. lists.SelectMany(l => l)]);
    }

    private static (double DistanceSum, int Reachable, int[] Hops) BruteBfs(int[] offsets, int[] targets, int s)
    {
        var n = offsets.Length - 1;
        var distance = Enumerable.Repeat(-1, n).ToArray();
        distance[s] = 0;
        var queue = new Queue<int>([s]);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            for (var k = offsets[v]; k < offsets[v + 1]; k++)
            {
                if (distance[targets[k]] < 0)
                {
                    distance[targets[k]] = distance[v] + 1;
                    queue.Enqueue(targets[k]);
                }
            }
        }

        var hops = new int[4];
        for (var h = 1; h < 4; h++)
        {
            hops[h] = distance.Count(d => d >= 1 && d <= h);
        }

        return (distance.Where(d => d > 0).Sum(), distance.Count(d => d >= 0), hops);
    }
}
