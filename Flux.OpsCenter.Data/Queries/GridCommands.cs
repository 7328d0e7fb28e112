namespace Flux.OpsCenter.Data.Queries;

/// <summary>
/// The writes the app itself owns (alarm acknowledgements and the audit trail), each a parameterised .sql file.
/// Writes are idempotent and committed, with their audit row in the same transaction, before the call returns: nothing
/// acknowledged is lost on a restart and nothing is acknowledged without its audit entry. On Snowflake, whose SQL API
/// cannot bind values inside a multi-statement request, the statements run one by one; each is idempotent and the audit
/// row is derived from the acknowledgement row, so repeating a write after a failure between them completes it.
/// </summary>
public sealed class GridCommands(ISqlSource source)
{
    /// <summary>Longest acknowledgement comment kept.</summary>
    public const int MaxCommentLength = 500;

    /// <summary>Acknowledges an alarm; returns false when it was already acknowledged (nothing changes then).</summary>
    public async Task<bool> AcknowledgeAlarmAsync(string alarmId, string userName, string? comment, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alarmId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (comment is { Length: > MaxCommentLength })
        {
            throw new ArgumentException($"A comment holds at most {MaxCommentLength} characters.", nameof(comment));
        }

        var changed = await source.ExecuteBatchAsync(
            [
                QueryCatalog.Request("AcknowledgeAlarm", alarmId, userName, at, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), alarmId),
                QueryCatalog.Request("RecordAcknowledgementAudit", Guid.NewGuid().ToString("N"), alarmId, alarmId),
            ],
            cancellationToken);
        return changed[0] > 0;
    }
}
