namespace Flux.OpsCenter.Data.Synthetic;

/// <summary>What a catch-up did: the data's "now" before and after, the span simulated, the span skipped and the writes made.</summary>
public sealed record SimulatorCatchUp(DateTimeOffset From, DateTimeOffset To, TimeSpan Simulated, TimeSpan Skipped, int Writes);
