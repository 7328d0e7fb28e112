namespace Flux.OpsCenter.Data.Analysis.Reliability;

/// <summary>
/// How the worst feeders are ranked: CEMI-<see cref="MinInterruptions"/> (customers with more than that many sustained
/// interruptions, IEEE 1366) and CELID-<see cref="LongHours"/>h.
/// </summary>
public sealed record WorstFeederOptions(int MinInterruptions = 3, double LongHours = 8, bool ExcludeMajorEvents = true, int Limit = 25);
