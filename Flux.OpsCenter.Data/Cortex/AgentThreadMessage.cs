namespace Flux.OpsCenter.Data.Cortex;

/// <summary>One stored message of a thread as the Threads API returns it: who said it, when, and its text.</summary>
public sealed record AgentThreadMessage(long MessageId, string Role, string Text, DateTimeOffset CreatedAt);
