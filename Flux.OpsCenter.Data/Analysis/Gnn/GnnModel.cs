namespace Flux.OpsCenter.Data.Analysis.Gnn;

/// <summary>
/// A trained cascade-risk GCN: its prediction per graph node (NaN where the model does not apply), the held-out metrics of the
/// GCN and of the degree-only baseline, and how the labels were made.
/// </summary>
public sealed record GnnModel(
    string Version,
    double[] Predictions,
    GnnMetrics Test,
    GnnMetrics Baseline,
    GnnMetrics FeaturesOnly,
    string LabelDefinition,
    int Epochs);
