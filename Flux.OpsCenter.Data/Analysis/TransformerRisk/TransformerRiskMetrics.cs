namespace Flux.OpsCenter.Data.Analysis.TransformerRisk;

/// <summary>Held-out figures of one classifier: ROC AUC, Brier score and the reliability bins behind the calibration plot.</summary>
public sealed record TransformerRiskMetrics(string Model, double Auc, double Brier, int Count, int Positives, IReadOnlyList<ReliabilityBin> Bins);
