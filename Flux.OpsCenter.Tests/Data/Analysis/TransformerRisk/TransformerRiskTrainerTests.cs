using System.Globalization;
using System.Text.RegularExpressions;
using Flux.OpsCenter.Data.Analysis.TransformerRisk;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Data.Analysis.TransformerRisk;

public sealed partial class TransformerRiskTrainerTests(ITestOutputHelper output)
{
    // The docs publish the small test territory's figures next to houston's; a retrain must land on them.
    private const double DocumentedTolerance = 0.005;

    [Fact]
    public void Brier_and_reliability_bins_follow_their_definitions()
    {
        double[] probabilities = [0.05, 0.15, 0.12, 0.95, 0.85];
        double[] labels = [0, 0, 1, 1, 1];

        Assert.Equal(((0.05 * 0.05) + (0.15 * 0.15) + (0.88 * 0.88) + (0.05 * 0.05) + (0.15 * 0.15)) / 5, TransformerRiskTrainer.Brier(probabilities, labels), 9);
        var bins = TransformerRiskTrainer.Reliability(probabilities, labels);
        Assert.Equal([0.0, 0.1, 0.8, 0.9], bins.Select(b => Math.Round(b.From, 1)));
        var second = bins[1];
        Assert.Equal(2, second.Count);
        Assert.Equal(0.135, second.MeanPredicted, 9);
        Assert.Equal(0.5, second.ObservedRate, 9);
    }

    /// <summary>
    /// The small territory at the end of a Houston summer (the docs' "small test territory"): the shared template's
    /// November fortnight has too few hot afternoons for a held-out AUC to mean much.
    /// </summary>
    public static readonly DateTimeOffset SummerAsOf = new(2026, 9, 20, 15, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<string> SummerTerritory = new(() =>
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("flux-risk-").FullName, "small.duckdb");
        var options = TestTerritory.Options(path);
        options.AsOf = SummerAsOf;
        TestTerritory.CreateComplete(path, options);
        return path;
    });

    [Fact]
    public void The_boosted_model_beats_the_age_and_load_baseline_on_the_held_out_days_as_documented()
    {
        List<TransformerDay> days;
        using (var source = new DuckDbSource(SummerTerritory.Value))
        using (var connection = source.OpenConnection())
        {
            days = TransformerRiskWriter.ReadDays(connection).Days;
        }

        var model = TransformerRiskTrainer.Train(days);
        output.WriteLine($"rows {days.Count}, train {model.TrainRows}, held out {model.Test.Count} from {model.HeldOutFrom} ({model.Test.Positives} positive)");
        output.WriteLine($"model AUC {model.Test.Auc:0.000} Brier {model.Test.Brier:0.0000}; baseline AUC {model.Baseline.Auc:0.000} Brier {model.Baseline.Brier:0.0000}");
        output.WriteLine(string.Join(", ", model.FeatureImportance.Select(f => $"{f.Key} {f.Value:0.000}")));
        foreach (var bin in model.Test.Bins)
        {
            output.WriteLine($"[{bin.From:0.0}, {bin.To:0.0}) n={bin.Count} predicted {bin.MeanPredicted:0.000} observed {bin.ObservedRate:0.000}");
        }

        // Enough of both outcomes on the held-out days for an AUC to mean something.
        Assert.InRange(model.Test.Positives, 20, model.Test.Count - 20);
        Assert.True(model.Test.Auc > model.Baseline.Auc, $"model AUC {model.Test.Auc:0.000} vs baseline {model.Baseline.Auc:0.000}");
        Assert.True(model.Test.Brier < model.Baseline.Brier, $"model Brier {model.Test.Brier:0.0000} vs baseline {model.Baseline.Brier:0.0000}");

        var documented = Documented();
        Assert.Equal(documented.ModelAuc, model.Test.Auc, DocumentedTolerance);
        Assert.Equal(documented.BaselineAuc, model.Baseline.Auc, DocumentedTolerance);
        Assert.Equal(documented.ModelBrier, model.Test.Brier, DocumentedTolerance);
        Assert.Equal(documented.BaselineBrier, model.Baseline.Brier, DocumentedTolerance);

        // The background training that filled the file stored the same figures: training is deterministic.
        Assert.Equal(model.Test.Auc, ViewQueries.Double(SummerTerritory.Value, "SELECT MODEL_AUC FROM ML_DEMO.TRANSFORMER_RISK_MODEL_METRICS"), 9);
    }

    private static (double ModelAuc, double ModelBrier, double BaselineAuc, double BaselineBrier) Documented()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "transformer-risk.md"));
        var match = DocumentedFigures().Match(text);
        Assert.True(match.Success, "docs/transformer-risk.md lacks the line 'small test territory: model AUC … Brier …; baseline AUC … Brier …'");
        double Read(string group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        return (Read("modelAuc"), Read("modelBrier"), Read("baselineAuc"), Read("baselineBrier"));
    }

    [GeneratedRegex(@"small test territory: model AUC (?<modelAuc>[0-9.]+), Brier (?<modelBrier>[0-9.]+); baseline AUC (?<baselineAuc>[0-9.]+), Brier (?<baselineBrier>[0-9.]+)")]
    private static partial Regex DocumentedFigures();
}
