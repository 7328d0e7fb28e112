using Flux.OpsCenter.Data.Analysis.Graph;

namespace Flux.OpsCenter.Data.Analysis.Centrality;

/// <summary>
/// CASCADE_RISK_SCORE = 0.35·B̂ + 0.30·Ĉ + 0.15·P̂ + 0.10·criticality + 0.10·min(load factor, 1.5)/1.5, where B̂, Ĉ and P̂
/// are betweenness, downstream customers and PageRank each divided by its maximum over the graph. Betweenness and customers
/// dominate because they are what a failure of the node actually cuts; the normalised form divides by the maximum score and
/// rank 1 is the riskiest node.
/// </summary>
public sealed record CascadeRiskScore(double[] Score, double[] Normalized, int[] Rank)
{
    /// <summary>Scores every node of <paramref name="graph"/> from its centrality.</summary>
    public static CascadeRiskScore Compute(GridGraph graph, NodeCentrality centrality)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(centrality);
        var n = graph.NodeCount;
        var maxB = Math.Max(1e-12, centrality.Betweenness.Max());
        var maxC = Math.Max(1, graph.SubtreeCustomers.Max());
        var maxP = Math.Max(1e-12, centrality.PageRank.Max());
        var score = new double[n];
        for (var v = 0; v < n; v++)
        {
            var loadFactor = graph.CapacityKw[v] > 0 ? Math.Min(1.5, graph.LoadKw[v] / graph.CapacityKw[v]) / 1.5 : 0;
            score[v] = (0.35 * centrality.Betweenness[v] / maxB) + (0.30 * graph.SubtreeCustomers[v] / maxC)
                + (0.15 * centrality.PageRank[v] / maxP) + (0.10 * graph.Criticality[v]) + (0.10 * loadFactor);
        }

        var maxScore = Math.Max(1e-12, score.Max());
        var order = Enumerable.Range(0, n).ToArray();
        var keys = score.Select(s => -s).ToArray();
        Array.Sort(keys, order);
        var rank = new int[n];
        for (var r = 0; r < n; r++)
        {
            rank[order[r]] = r + 1;
        }

        return new CascadeRiskScore(score, [.. score.Select(s => s / maxScore)], rank);
    }
}
