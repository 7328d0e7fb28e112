namespace Flux.OpsCenter.Data.Analysis.Gnn;

/// <summary>Held-out metrics of one classifier: ROC AUC, and precision and recall at probability 0.5.</summary>
public sealed record GnnMetrics(string Model, double Auc, double Precision, double Recall, int Positives, int Count);
