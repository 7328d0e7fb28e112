namespace Flux.OpsCenter.Data.Cortex;

/// <summary>
/// One operator's chat thread, kept in <c>APPLICATIONS.ASSISTANT_THREADS</c>: the Snowflake thread id, the title the
/// operator sees, and the message id the next question continues from (0 before the first answer was stored).
/// </summary>
public sealed record AssistantThread(string ThreadId, string Operator, string Title, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long ParentMessageId);
