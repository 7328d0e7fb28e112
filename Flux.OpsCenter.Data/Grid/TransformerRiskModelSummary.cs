namespace Flux.OpsCenter.Data.Grid;

/// <summary>The stored model's held-out figures against the age + load baseline (ML_DEMO.TRANSFORMER_RISK_MODEL_METRICS).</summary>
public sealed record TransformerRiskModelSummary(
    string ModelVersion,
    DateTimeOffset TrainedAt,
    long TrainRows,
    long HeldOutRows,
    long HeldOutPositives,
    DateOnly HeldOutFrom,
    double ModelAuc,
    double ModelBrier,
    double BaselineAuc,
    double BaselineBrier);
