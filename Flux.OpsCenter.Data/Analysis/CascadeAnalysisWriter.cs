using System.Diagnostics;
using DuckDB.NET.Data;
using Flux.OpsCenter.Data.Analysis.Centrality;
using Flux.OpsCenter.Data.Analysis.Graph;

namespace Flux.OpsCenter.Data.Analysis;

/// <summary>
/// The first analysis step, run once GRID_NODES/GRID_EDGES exist (<see cref="Embedded.EmbeddedGridGraphPreparer"/>): loads the
/// graph and writes exact centrality. Precomputed cascades and the GCN follow (≈ 4,400 simulations,
/// <see cref="CascadeService.EnsurePrecomputedAsync"/>); all of it runs at first start in the background, not in generation.
/// </summary>
internal static class CascadeAnalysisWriter
{
    public const string ModelVersion = "cascade-v1";

    public static void Write(DuckDBConnection connection, DateTime computedAt, Action<string, double> report)
    {
        var clock = Stopwatch.StartNew();
        report("Grid graph in memory", 0.0);
        var graph = GridGraphLoader.Load(connection);
        report("Exact centrality", 0.2);
        var centrality = CentralityCalculator.Compute(graph);
        var risk = CascadeRiskScore.Compute(graph, centrality);
        WriteCentrality(connection, graph, centrality, risk, computedAt);
        report($"Cascade analysis done in {clock.Elapsed.TotalSeconds:0.0} s", 1.0);
    }

    private static void WriteCentrality(DuckDBConnection connection, GridGraph graph, NodeCentrality c, CascadeRiskScore risk, DateTime computedAt)
    {
        using var appender = connection.CreateAppender("CASCADE_ANALYSIS", "NODE_CENTRALITY_FEATURES_V2");
        for (var v = 0; v < graph.NodeCount; v++)
        {
            appender.CreateRow()
                .AppendValue(graph.Ids[v]).AppendValue(TypeName(graph.Types[v])).AppendValue(graph.Ids[graph.RootOf[v]])
                .AppendValue(c.Degree[v]).AppendValue(c.BetweennessNormalized[v]).AppendValue(c.Closeness[v]).AppendValue(c.PageRank[v])
                .AppendValue(c.Eigenvector[v]).AppendValue(c.Clustering[v])
                .AppendValue(c.Hop1[v]).AppendValue(c.Hop2[v]).AppendValue(c.Hop3[v])
                .AppendValue(graph.SubtreeCustomers[v])
                .AppendValue(graph.CapacityKw[v] > 0 ? Math.Round(graph.LoadKw[v] / graph.CapacityKw[v], 4) : 0.0)
                .AppendValue(risk.Score[v]).AppendValue(risk.Normalized[v]).AppendValue(risk.Rank[v])
                .AppendValue((DateTime?)computedAt).AppendValue(ModelVersion)
                .EndRow();
        }
    }

    internal static string TypeName(GridNodeType type) => type.ToString().ToUpperInvariant();
}
