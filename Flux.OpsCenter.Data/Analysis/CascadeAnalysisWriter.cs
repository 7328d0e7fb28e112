using System.Diagnostics;
using System.Text.Json;
using DuckDB.NET.Data;
using Flux.OpsCenter.Data.Analysis.Cascade;
using Flux.OpsCenter.Data.Analysis.Centrality;
using Flux.OpsCenter.Data.Analysis.Graph;
using Flux.OpsCenter.Data.Analysis.Gnn;

namespace Flux.OpsCenter.Data.Analysis;

/// <summary>
/// The generator's analysis step, run once GRID_NODES/GRID_EDGES exist: loads the graph, writes exact centrality,
/// simulates every substation under every preset into PRECOMPUTED_CASCADES, and trains the GCN into GNN_PREDICTIONS.
/// </summary>
internal static class CascadeAnalysisWriter
{
    public const string ModelVersion = "cascade-v1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Write(DuckDBConnection connection, DateTime computedAt, Action<string, double> report)
    {
        var clock = Stopwatch.StartNew();
        report("Grid graph in memory", 0.0);
        var graph = GridGraphLoader.Load(connection);
        report("Exact centrality", 0.2);
        var centrality = CentralityCalculator.Compute(graph);
        var risk = CascadeRiskScore.Compute(graph, centrality);
        WriteCentrality(connection, graph, centrality, risk, computedAt);
        report("Precomputed cascades", 0.5);
        var simulator = new CascadeSimulator(graph);
        WritePrecomputed(connection, simulator, computedAt);
        report("Graph neural network", 0.7);
        var model = GnnTrainer.Train(graph, centrality, simulator, GnnTrainer.DefaultOptions);
        WritePredictions(connection, graph, model, computedAt);
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

    private static void WritePrecomputed(DuckDBConnection connection, CascadeSimulator simulator, DateTime computedAt)
    {
        var graph = simulator.Graph;
        using var appender = connection.CreateAppender("CASCADE_ANALYSIS", "PRECOMPUTED_CASCADES");
        foreach (var preset in CascadeScenario.Presets)
        {
            foreach (var s in graph.Substations)
            {
                var result = simulator.Simulate(graph.Ids[s], preset.Parameters(), preset.Name);
                var summary = PrecomputedCascade.Summarise(result);
                appender.CreateRow()
                    .AppendValue(PrecomputedCascade.IdFor(preset.Key, graph.Ids[s])).AppendValue(preset.Name)
                    .AppendValue(graph.Ids[s]).AppendValue(graph.Names[s])
                    .AppendValue(JsonSerializer.Serialize(result.Parameters, Json))
                    .AppendValue(JsonSerializer.Serialize(summary.CascadeOrder, Json))
                    .AppendValue(JsonSerializer.Serialize(result.Waves, Json))
                    .AppendValue(JsonSerializer.Serialize(summary.NodeTypes, Json))
                    .AppendValue(JsonSerializer.Serialize(summary.Paths, Json))
                    .AppendValue(result.AffectedNodes).AppendValue(result.AffectedCapacityMw).AppendValue(result.CustomersAffected)
                    .AppendValue(result.MaxDepth).AppendValue((DateTime?)computedAt).AppendValue((DateTime?)computedAt)
                    .EndRow();
            }
        }
    }

    private static void WritePredictions(DuckDBConnection connection, GridGraph graph, GnnModel model, DateTime computedAt)
    {
        using var appender = connection.CreateAppender("CASCADE_ANALYSIS", "GNN_PREDICTIONS");
        for (var v = 0; v < graph.NodeCount; v++)
        {
            var p = model.Predictions[v];
            appender.CreateRow()
                .AppendValue(graph.Ids[v]).AppendValue(TypeName(graph.Types[v])).AppendValue(graph.Criticality[v])
                .AppendValue(Math.Round(p, 5)).AppendValue(Math.Round(Math.Abs(p - 0.5) * 2, 5)).AppendValue(model.Version)
                .AppendValue((DateTime?)computedAt)
                .EndRow();
        }
    }

    internal static string TypeName(GridNodeType type) => type.ToString().ToUpperInvariant();
}
