using Flux.OpsCenter.Data.Analysis.Cascade;
using Flux.OpsCenter.Data.Analysis.Centrality;
using Flux.OpsCenter.Data.Analysis.Gnn;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Data.Analysis;

public sealed class GnnTrainerTests
{
    [Fact]
    public void Auc_is_the_rank_statistic()
    {
        Assert.Equal(1.0, GnnTrainer.Auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]));
        Assert.Equal(0.0, GnnTrainer.Auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1]));
        Assert.Equal(0.5, GnnTrainer.Auc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1]));
    }

    [Fact]
    public void The_gcn_beats_the_degree_only_baseline_on_held_out_nodes()
    {
        // A stressed ring where whether a failure spreads depends on the neighbours' loading, which degree cannot see.
        var graph = GridBuilder.Ring(substations: 120, feeders: 4, transformers: 4, meters: 3, substationLoading: 0.75, feederLoading: 0.7, seed: 3);
        var simulator = new CascadeSimulator(graph);
        var preset = CascadeScenario.Find(GnnTrainer.DefaultOptions.PresetKey)!;
        // The median outcome as N keeps the two classes balanced whatever the synthetic grid's scale.
        var outcomes = Enumerable.Range(0, 120).SelectMany(s => new[] { $"SUB-{s:000}" }.Concat(Enumerable.Range(0, 4).Select(f => $"FDR-{s:000}-{f:00}")))
            .Select(id => simulator.Simulate(id, preset.Parameters(), preset.Name).CustomersAffected).Order().ToList();
        var options = GnnTrainer.DefaultOptions with { CustomerThreshold = outcomes[outcomes.Count / 2] };

        var model = GnnTrainer.Train(graph, CentralityCalculator.Compute(graph), simulator, options);

        Assert.InRange(model.Test.Positives, 5, model.Test.Count - 5);
        Assert.True(model.Test.Auc > model.Baseline.Auc, $"GCN AUC {model.Test.Auc:0.000} vs degree {model.Baseline.Auc:0.000}");
    }
}
