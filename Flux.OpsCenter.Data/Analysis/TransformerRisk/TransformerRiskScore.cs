namespace Flux.OpsCenter.Data.Analysis.TransformerRisk;

/// <summary>The model's probability for one transformer's latest day and the features that raised it most, strongest first.</summary>
public sealed record TransformerRiskScore(string TransformerId, DateOnly Date, double Probability, IReadOnlyList<string> Drivers);
