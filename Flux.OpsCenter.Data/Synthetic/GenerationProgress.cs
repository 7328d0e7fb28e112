namespace Flux.OpsCenter.Data.Synthetic;

/// <summary>A progress report of the territory generator: the stage and the fraction of all work done.</summary>
public sealed record GenerationProgress(string Stage, double Fraction, TimeSpan Elapsed);
