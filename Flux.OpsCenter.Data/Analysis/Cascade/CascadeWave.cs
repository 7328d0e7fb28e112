namespace Flux.OpsCenter.Data.Analysis.Cascade;

/// <summary>What one wave did: equipment failed, feeders newly de-energised, and the customers and MW out after it.</summary>
public sealed record CascadeWave(int Wave, int NodesFailed, int Substations, int FeedersDeEnergized, int CustomersOut, int NewCustomersOut, double LoadLostMw);
