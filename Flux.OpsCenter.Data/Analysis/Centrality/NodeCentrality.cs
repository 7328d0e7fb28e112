namespace Flux.OpsCenter.Data.Analysis.Centrality;

/// <summary>
/// Centrality of every node, index-aligned with the graph. Betweenness is the unnormalised count over unordered pairs
/// (NetworkX <c>normalized=False</c>); <see cref="BetweennessNormalized"/> divides by (n−1)(n−2)/2 like NetworkX's default.
/// Degree and closeness are normalised as NetworkX does; hop counts exclude the node itself.
/// </summary>
public sealed record NodeCentrality(
    double[] Degree,
    double[] Betweenness,
    double[] BetweennessNormalized,
    double[] Closeness,
    double[] PageRank,
    double[] Eigenvector,
    double[] Clustering,
    int[] Hop1,
    int[] Hop2,
    int[] Hop3,
    int CoreNodes);
