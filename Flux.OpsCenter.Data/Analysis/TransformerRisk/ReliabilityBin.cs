namespace Flux.OpsCenter.Data.Analysis.TransformerRisk;

/// <summary>One calibration bin: held-out days whose predicted probability fell in [From, To), and how often they were high-risk.</summary>
public sealed record ReliabilityBin(double From, double To, int Count, double MeanPredicted, double ObservedRate);
