namespace Flux.OpsCenter.Data.Analysis.TransformerRisk;

/// <summary>
/// A trained transformer-risk model's evidence and output: the time split, held-out figures of the gradient-boosted model
/// and of the age + load baseline, the fleet-wide feature importance, and one score per transformer for its latest day.
/// </summary>
public sealed record TransformerRiskModel(
    string ModelVersion,
    DateOnly HeldOutFrom,
    int TrainRows,
    TransformerRiskMetrics Test,
    TransformerRiskMetrics Baseline,
    IReadOnlyList<KeyValuePair<string, double>> FeatureImportance,
    IReadOnlyList<TransformerRiskScore> Scores,
    TimeSpan TrainingTime,
    TimeSpan InferenceTime);
