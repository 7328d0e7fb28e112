namespace Flux.OpsCenter.Data.Analysis.Reliability;

/// <summary>The data's own "now" and the start of the outage history, which bound every period and threshold.</summary>
public sealed record ReliabilityClock(DateTimeOffset AsOf, DateTimeOffset? FirstOutageStart);
