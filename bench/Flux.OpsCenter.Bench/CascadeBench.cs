using System.Diagnostics;
using System.Globalization;
using Flux.OpsCenter.Data.Analysis.Cascade;
using Flux.OpsCenter.Data.Analysis.Centrality;
using Flux.OpsCenter.Data.Analysis.Gnn;
using Flux.OpsCenter.Data.Analysis.Graph;
using Flux.OpsCenter.Data.Embedded;

namespace Flux.OpsCenter.Bench;

/// <summary>Issue #6 benchmarks: graph load, full centrality, simulation from every substation, GCN metrics, NetworkX comparison.</summary>
internal static class CascadeBench
{
    private static readonly double[] Quantiles = [0.0, 0.1, 0.5, 0.9, 1.0];

    public static async Task<int> CascadeAsync(string path)
    {
        using var source = new DuckDbSource(path);
        var clock = Stopwatch.StartNew();
        var graph = await GridGraphLoader.LoadAsync(source, CancellationToken.None);
        Console.WriteLine($"| load graph ({graph.NodeCount:N0} nodes, {graph.EdgeCount:N0} edges) | {clock.Elapsed.TotalSeconds:0.00} s |");

        if (Environment.GetEnvironmentVariable("FLUX_INSPECT") == "1")
        {
            foreach (var group in new[] { graph.Substations, graph.Feeders })
            {
                var lf = group.Select(v => graph.LoadKw[v] / graph.CapacityKw[v]).Order().ToArray();
                Console.WriteLine(string.Join(" ", Quantiles.Select(q => lf[(int)(q * (lf.Length - 1))].ToString("0.00", CultureInfo.InvariantCulture))));
            }
        }

        var centralityRuns = new List<double>();
        NodeCentrality? centrality = null;
        for (var i = 0; i < 3; i++)
        {
            clock.Restart();
            centrality = CentralityCalculator.Compute(graph);
            centralityRuns.Add(clock.Elapsed.TotalSeconds);
        }

        centralityRuns.Sort();
        Console.WriteLine($"| full centrality (exact betweenness, closeness, PageRank, eigenvector, clustering, reach), {centrality!.CoreNodes:N0} core nodes | median {centralityRuns[1]:0.00} s, max {centralityRuns[2]:0.00} s (3 runs) |");

        var simulator = new CascadeSimulator(graph);
        foreach (var preset in CascadeScenario.Presets)
        {
            foreach (var s in graph.Substations.Take(5))
            {
                simulator.Simulate(graph.Ids[s], preset.Parameters(), preset.Name);
            }

            var samples = new List<double>();
            var waves = new List<int>();
            foreach (var s in graph.Substations)
            {
                clock.Restart();
                var result = simulator.Simulate(graph.Ids[s], preset.Parameters(), preset.Name);
                samples.Add(clock.Elapsed.TotalMilliseconds);
                waves.Add(result.MaxDepth);
            }

            samples.Sort();
            waves.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| simulate {preset.Name} from every substation ({samples.Count}) | p50 {P(samples, 0.5):0.00} ms | p95 {P(samples, 0.95):0.00} ms | max {samples[^1]:0.00} ms | median depth {waves[waves.Count / 2]}, max {waves[^1]} |"));
        }

        clock.Restart();
        var model = GnnTrainer.Train(graph, centrality, simulator, GnnTrainer.DefaultOptions);
        Console.WriteLine($"| GCN training incl. labelling ({model.Epochs} epochs) | {clock.Elapsed.TotalSeconds:0.0} s | label: {model.LabelDefinition} |");
        foreach (var m in new[] { model.Test, model.Baseline, model.FeaturesOnly })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m.Model} | AUC {m.Auc:0.000} | precision {m.Precision:0.000} | recall {m.Recall:0.000} | {m.Positives} positives of {m.Count} held out |"));
        }

        return 0;
    }

    /// <summary>Trains the GCN with another label preset and customer threshold and prints the held-out metrics.</summary>
    public static async Task<int> GnnAsync(string path, string presetKey, int threshold)
    {
        using var source = new DuckDbSource(path);
        var graph = await GridGraphLoader.LoadAsync(source, CancellationToken.None);
        var centrality = CentralityCalculator.Compute(graph);
        var clock = Stopwatch.StartNew();
        var model = GnnTrainer.Train(graph, centrality, new CascadeSimulator(graph), GnnTrainer.DefaultOptions with { PresetKey = presetKey, CustomerThreshold = threshold });
        Console.WriteLine($"| GCN training incl. labelling ({model.Epochs} epochs) | {clock.Elapsed.TotalSeconds:0.0} s | label: {model.LabelDefinition} |");
        foreach (var m in new[] { model.Test, model.Baseline, model.FeaturesOnly })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m.Model} | AUC {m.Auc:0.000} | precision {m.Precision:0.000} | recall {m.Recall:0.000} | {m.Positives} positives of {m.Count} held out |"));
        }

        return 0;
    }

    /// <summary>Exports the graph of a (small) file as an edge list, times our exact betweenness, and NetworkX's on the same edges.</summary>
    public static async Task<int> NetworkXAsync(string path, string python)
    {
        using var source = new DuckDbSource(path);
        var graph = await GridGraphLoader.LoadAsync(source, CancellationToken.None);
        var edgeFile = Path.GetFullPath("bench/results/graph-edges.txt");
        await File.WriteAllLinesAsync(edgeFile, Enumerable.Range(0, graph.NodeCount).SelectMany(v =>
            graph.Neighbours(v).ToArray().Where(w => w > v).Select(w => $"{v} {w}")));

        var ours = new List<double>();
        NodeCentrality? centrality = null;
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            centrality = CentralityCalculator.Compute(graph.AdjacencyOffsets, graph.AdjacencyTargets);
            ours.Add(clock.Elapsed.TotalMilliseconds);
        }

        var brute = Stopwatch.StartNew();
        var reference = BrandesBetweenness.Compute(graph.AdjacencyOffsets, graph.AdjacencyTargets);
        brute.Stop();
        ours.Sort();

        var script = """
            import sys, time, networkx as nx
            g = nx.read_edgelist(sys.argv[1], nodetype=int)
            g.add_nodes_from(range(int(sys.argv[2])))
            t = time.perf_counter()
            b = nx.betweenness_centrality(g, normalized=False)
            print(time.perf_counter() - t)
            with open(sys.argv[3], "w") as f:
                for v in range(int(sys.argv[2])):
                    f.write(f"{b[v]!r}\n")
            """;
        var scriptFile = Path.GetFullPath("bench/results/networkx_betweenness.py");
        await File.WriteAllTextAsync(scriptFile, script);
        var outFile = Path.GetFullPath("bench/results/networkx-betweenness.txt");
        var info = new ProcessStartInfo(python, [scriptFile, edgeFile, graph.NodeCount.ToString(CultureInfo.InvariantCulture), outFile]) { RedirectStandardOutput = true };
        using var process = Process.Start(info)!;
        var seconds = double.Parse((await process.StandardOutput.ReadToEndAsync()).Trim(), CultureInfo.InvariantCulture);
        await process.WaitForExitAsync();
        var theirs = (await File.ReadAllLinesAsync(outFile)).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        var maxDiff = Enumerable.Range(0, graph.NodeCount).Max(v => Math.Abs(theirs[v] - centrality!.Betweenness[v]));
        var maxDiffBrute = Enumerable.Range(0, graph.NodeCount).Max(v => Math.Abs(reference[v] - centrality!.Betweenness[v]));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| exact betweenness, {graph.NodeCount:N0} nodes / {graph.EdgeCount:N0} edges | ours (tree + core) median {P(ours, 0.5):0.0} ms | our plain Brandes {brute.Elapsed.TotalMilliseconds:0} ms | NetworkX {seconds * 1000:0} ms | ratio NetworkX / ours {seconds * 1000 / P(ours, 0.5):0} | max |Δ| vs NetworkX {maxDiff:E2}, vs plain Brandes {maxDiffBrute:E2} |"));
        return 0;
    }

    private static double P(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
