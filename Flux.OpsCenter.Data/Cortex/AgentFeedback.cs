namespace Flux.OpsCenter.Data.Cortex;

/// <summary>An operator's thumbs up or down on one answer, with an optional comment, for the agent's feedback API.</summary>
public sealed record AgentFeedback(string RequestId, bool Positive, string? Comment, string? ThreadId);
