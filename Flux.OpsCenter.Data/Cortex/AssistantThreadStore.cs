using Flux.OpsCenter.Data.Queries;

namespace Flux.OpsCenter.Data.Cortex;

/// <summary>
/// The threads each operator owns. Snowflake's threads belong to the calling user, and in SPCS every call is the
/// service's user, so which operator a thread belongs to is kept here (<c>APPLICATIONS.ASSISTANT_THREADS</c>). Every
/// write commits with its <c>AUDIT_LOG</c> row.
/// </summary>
public sealed class AssistantThreadStore(ISqlSource source, TimeProvider clock)
{
    /// <summary>The longest title kept.</summary>
    public const int MaxTitleLength = 80;

    /// <summary>The most threads the list returns.</summary>
    public const int ListLimit = 50;

    /// <summary>The operator's threads, most recently used first.</summary>
    public Task<IReadOnlyList<AssistantThread>> ListAsync(string operatorName, CancellationToken cancellationToken) =>
        source.QueryAsync(QueryCatalog.Request("GetAssistantThreads", operatorName, ListLimit), Map, cancellationToken);

    /// <summary>Records a new thread for the operator, titled after its first question.</summary>
    public async Task<AssistantThread> CreateAsync(string threadId, string operatorName, string firstQuestion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        ArgumentException.ThrowIfNullOrWhiteSpace(operatorName);
        var title = TitleOf(firstQuestion);
        var now = clock.GetUtcNow();
        await source.ExecuteBatchAsync(
            [
                QueryCatalog.Request("InsertAssistantThread", threadId, operatorName, title, now, now, threadId),
                Audit(operatorName, "ASSISTANT_THREAD_CREATED", threadId, title, now),
            ],
            cancellationToken).ConfigureAwait(false);
        return new AssistantThread(threadId, operatorName, title, now, now, 0);
    }

    /// <summary>Renames one of the operator's threads; false when the operator has no such thread.</summary>
    public async Task<bool> RenameAsync(string threadId, string operatorName, string title, CancellationToken cancellationToken)
    {
        var trimmed = TitleOf(title);
        if (!await OwnsAsync(threadId, operatorName, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await source.ExecuteBatchAsync(
            [
                QueryCatalog.Request("RenameAssistantThread", trimmed, now, threadId, operatorName),
                Audit(operatorName, "ASSISTANT_THREAD_RENAMED", threadId, trimmed, now),
            ],
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Moves the thread on to the answer Snowflake stored last, so the next question continues from it.</summary>
    public Task AdvanceAsync(string threadId, string operatorName, long assistantMessageId, CancellationToken cancellationToken) =>
        source.ExecuteAsync(QueryCatalog.Request("AdvanceAssistantThread", assistantMessageId, clock.GetUtcNow(), threadId, operatorName), cancellationToken);

    /// <summary>Forgets one of the operator's threads; false when the operator has no such thread.</summary>
    public async Task<bool> DeleteAsync(string threadId, string operatorName, CancellationToken cancellationToken)
    {
        if (!await OwnsAsync(threadId, operatorName, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await source.ExecuteBatchAsync(
            [
                QueryCatalog.Request("DeleteAssistantThread", threadId, operatorName),
                Audit(operatorName, "ASSISTANT_THREAD_DELETED", threadId, null, now),
            ],
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>A title from free text: one line, trimmed, at most <see cref="MaxTitleLength"/> characters.</summary>
    public static string TitleOf(string text)
    {
        var line = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length == 0 ? "Untitled" : line.Length <= MaxTitleLength ? line : line[..(MaxTitleLength - 1)] + "…";
    }

    private async Task<bool> OwnsAsync(string threadId, string operatorName, CancellationToken cancellationToken) =>
        (await ListAsync(operatorName, cancellationToken).ConfigureAwait(false)).Any(t => string.Equals(t.ThreadId, threadId, StringComparison.Ordinal));

    private static SqlRequest Audit(string operatorName, string action, string threadId, string? detail, DateTimeOffset at) =>
        QueryCatalog.Request("RecordAudit", Guid.NewGuid().ToString("N"), at, operatorName, action, threadId, detail);

    private static AssistantThread Map(ISqlRow r) => new(
        r.GetString("THREAD_ID"),
        r.GetString("OPERATOR_NAME"),
        r.GetString("TITLE"),
        r.GetTimestamp("CREATED_AT"),
        r.GetTimestamp("UPDATED_AT"),
        r.IsNull("LAST_ASSISTANT_MESSAGE_ID") ? 0 : r.GetInt64("LAST_ASSISTANT_MESSAGE_ID"));
}
