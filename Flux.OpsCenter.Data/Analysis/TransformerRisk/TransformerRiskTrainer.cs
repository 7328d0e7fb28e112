using System.Diagnostics;
using Flux.OpsCenter.Data.Analysis.Gnn;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Flux.OpsCenter.Data.Analysis.TransformerRisk;

/// <summary>
/// Trains the transformer-risk classifier on transformer-days with a time-based split: every day before the last
/// <see cref="HeldOutDays"/> trains, the last days are held out, as a model used each morning would meet tomorrow.
/// A gradient-boosted tree ensemble (ML.NET FastTree, Platt-calibrated) is compared on the held-out days with a logistic
/// regression on age and morning load only. Training is deterministic: fixed seed, one thread. Each transformer's latest
/// day is then scored, with its top drivers from ML.NET's feature contributions (how much each feature's splits moved
/// that transformer's score away from the ensemble's average).
/// </summary>
public static class TransformerRiskTrainer
{
    public const string ModelVersion = "transformer-risk-fasttree-v1";

    /// <summary>The latest days held out of training, to measure the model on days it has not seen.</summary>
    public const int HeldOutDays = 3;

    public const int Seed = 1366;

    /// <summary>Reliability bins of the calibration figure, equal width over [0, 1].</summary>
    public const int CalibrationBins = 10;

    private const int FeatureCount = 12;

    /// <summary>The model's features in vector order; drivers are reported by these names.</summary>
    public static readonly IReadOnlyList<string> FeatureNames =
    [
        "MORNING_LOAD", "MORNING_HOT_SPOT", "AGE", "HEALTH", "RATED_KVA", "FORECAST_HIGH", "FORECAST_LOW", "FORECAST_GUST",
        "MORNING_TEMPERATURE", "RESIDENTIAL", "COMMERCIAL", "WEEKEND",
    ];

    public static TransformerRiskModel Train(IReadOnlyList<TransformerDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var dates = days.Select(d => d.Date).Distinct().Order().ToList();
        if (dates.Count <= HeldOutDays)
        {
            throw new ArgumentException($"A time split needs more than {HeldOutDays} days; got {dates.Count}.", nameof(days));
        }

        var heldOutFrom = dates[^HeldOutDays];
        var train = days.Where(d => d.Date < heldOutFrom).ToList();
        var test = days.Where(d => d.Date >= heldOutFrom).ToList();
        var ml = new MLContext(Seed);

        var clock = Stopwatch.StartNew();
        var model = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = 120,
            NumberOfLeaves = 24,
            MinimumExampleCountPerLeaf = 20,
            LearningRate = 0.1,
            NumberOfThreads = 1,
            Seed = Seed,
            FeatureColumnName = nameof(RiskExample.Features),
            LabelColumnName = nameof(RiskExample.Label),
        }).Fit(ml.Data.LoadFromEnumerable(train.Select(RiskExample.Of)));
        var baseline = ml.Transforms.NormalizeMeanVariance(nameof(BaselineExample.Features))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new Microsoft.ML.Trainers.LbfgsLogisticRegressionBinaryTrainer.Options
            {
                NumberOfThreads = 1,
                FeatureColumnName = nameof(BaselineExample.Features),
                LabelColumnName = nameof(BaselineExample.Label),
            }))
            .Fit(ml.Data.LoadFromEnumerable(train.Select(BaselineExample.Of)));
        var trainingTime = clock.Elapsed;

        var labels = test.Select(d => d.HighRisk ? 1.0 : 0.0).ToList();
        var modelProbabilities = Probabilities(ml, model.Transform(ml.Data.LoadFromEnumerable(test.Select(RiskExample.Of))));
        var baselineProbabilities = Probabilities(ml, baseline.Transform(ml.Data.LoadFromEnumerable(test.Select(BaselineExample.Of))));

        clock.Restart();
        var scores = ScoreLatest(ml, model, days);
        var inferenceTime = clock.Elapsed;

        return new TransformerRiskModel(
            ModelVersion, heldOutFrom, train.Count,
            Metrics("gradient-boosted trees (FastTree)", modelProbabilities, labels),
            Metrics("logistic regression on age + morning load", baselineProbabilities, labels),
            Importance(model), scores, trainingTime, inferenceTime);
    }

    /// <summary>Mean squared difference between probability and outcome (0 is perfect; always saying the base rate scores its variance).</summary>
    public static double Brier(IReadOnlyList<double> probabilities, IReadOnlyList<double> labels)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        return probabilities.Count == 0 ? double.NaN : probabilities.Select((p, i) => (p - labels[i]) * (p - labels[i])).Average();
    }

    /// <summary>Equal-width reliability bins over [0, 1]; empty bins are left out.</summary>
    public static IReadOnlyList<ReliabilityBin> Reliability(IReadOnlyList<double> probabilities, IReadOnlyList<double> labels)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        return Enumerable.Range(0, probabilities.Count)
            .GroupBy(i => Math.Min(CalibrationBins - 1, (int)(probabilities[i] * CalibrationBins)))
            .OrderBy(g => g.Key)
            .Select(g => new ReliabilityBin((double)g.Key / CalibrationBins, (double)(g.Key + 1) / CalibrationBins, g.Count(),
                g.Average(i => probabilities[i]), g.Average(i => labels[i])))
            .ToList();
    }

    private static TransformerRiskMetrics Metrics(string name, List<double> probabilities, List<double> labels) =>
        new(name, GnnTrainer.Auc(probabilities, labels), Brier(probabilities, labels), labels.Count, labels.Count(l => l > 0.5),
            Reliability(probabilities, labels));

    private static List<double> Probabilities(MLContext ml, IDataView scored) =>
        ml.Data.CreateEnumerable<RiskPrediction>(scored, reuseRowObject: false).Select(p => (double)p.Probability).ToList();

    private static List<KeyValuePair<string, double>> Importance(
        BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> model)
    {
        var weights = default(VBuffer<float>);
        model.Model.SubModel.GetFeatureWeights(ref weights);
        var dense = weights.DenseValues().ToArray();
        var total = dense.Sum();
        return FeatureNames.Select((name, i) => new KeyValuePair<string, double>(name, total > 0 && i < dense.Length ? dense[i] / total : 0))
            .OrderByDescending(p => p.Value).ToList();
    }

    private static List<TransformerRiskScore> ScoreLatest(
        MLContext ml,
        BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> model,
        IReadOnlyList<TransformerDay> days)
    {
        // Each transformer's latest day: the state the operator is looking at.
        var latest = days.GroupBy(d => d.TransformerId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(d => d.Date)!)
            .OrderBy(d => d.TransformerId, StringComparer.Ordinal)
            .ToList();
        var input = ml.Data.LoadFromEnumerable(latest.Select(RiskExample.Of));
        var contributions = ml.Transforms.CalculateFeatureContribution(model, numberOfPositiveContributions: 3, numberOfNegativeContributions: 0, normalize: false)
            .Fit(input);
        var scored = contributions.Transform(model.Transform(input));
        var rows = ml.Data.CreateEnumerable<ContributionPrediction>(scored, reuseRowObject: false).ToList();
        return latest.Select((day, i) => new TransformerRiskScore(day.TransformerId, day.Date, rows[i].Probability, Drivers(rows[i].FeatureContributions)))
            .ToList();
    }

    private static List<string> Drivers(float[] contributions) =>
        contributions.Select((value, index) => (value, index))
            .Where(c => c.value > 0)
            .OrderByDescending(c => c.value).ThenBy(c => c.index)
            .Take(3)
            .Select(c => FeatureNames[c.index])
            .ToList();

    /// <summary>The gradient-boosted model's input row.</summary>
    private sealed class RiskExample
    {
        [VectorType(FeatureCount)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }

        public static RiskExample Of(TransformerDay d) => new()
        {
            Features =
            [
                (float)d.MorningLoadPct, (float)d.MorningHotSpotC, (float)d.AgeYears, (float)d.HealthScore, (float)d.RatedKva,
                (float)d.ForecastHighC, (float)d.ForecastLowC, (float)d.ForecastGustMph, (float)d.MorningTemperatureC,
                d.CustomerClass == "RESIDENTIAL" ? 1 : 0, d.CustomerClass == "COMMERCIAL" ? 1 : 0,
                d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1 : 0,
            ],
            Label = d.HighRisk,
        };
    }

    /// <summary>The baseline's input row: what a planner's rule of thumb uses, age and load.</summary>
    private sealed class BaselineExample
    {
        [VectorType(2)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }

        public static BaselineExample Of(TransformerDay d) => new() { Features = [(float)d.AgeYears, (float)d.MorningLoadPct], Label = d.HighRisk };
    }

    private sealed class RiskPrediction
    {
        public float Probability { get; set; }
    }

    private sealed class ContributionPrediction
    {
        public float Probability { get; set; }

        [VectorType(FeatureCount)]
        public float[] FeatureContributions { get; set; } = [];
    }
}
