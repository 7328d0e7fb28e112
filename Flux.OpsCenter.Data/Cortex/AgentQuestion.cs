namespace Flux.OpsCenter.Data.Cortex;

/// <summary>
/// One question on a thread: <see cref="ParentMessageId"/> is 0 for the thread's first question and afterwards the
/// message id of the last answer that Snowflake stored (Threads API: continue from the last successful assistant message).
/// </summary>
public sealed record AgentQuestion(string ThreadId, long ParentMessageId, string Text);
