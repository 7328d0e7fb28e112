namespace Flux.OpsCenter.Data.Analysis.Gnn;

/// <summary>Training settings: label preset and customer threshold, hidden width, epochs, Adam step, weight decay and split seed.</summary>
public sealed record GnnOptions(string PresetKey, int CustomerThreshold, int Hidden, int Epochs, double LearningRate, double WeightDecay, int Seed);
