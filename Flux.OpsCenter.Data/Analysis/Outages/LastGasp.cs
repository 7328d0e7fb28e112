namespace Flux.OpsCenter.Data.Analysis.Outages;

/// <summary>One AMI last-gasp message: a meter that lost supply, and the distribution transformer that serves it.</summary>
public sealed record LastGasp(string MeterId, string TransformerId, DateTimeOffset At);
