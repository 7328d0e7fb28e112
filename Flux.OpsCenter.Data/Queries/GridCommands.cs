namespace Flux.OpsCenter.Data.Queries;

/// <summary>
/// The writes the app itself owns (alarm acknowledgements and the audit trail), each a parameterised .sql file.
/// Writes are idempotent and committed before the call returns, so nothing acknowledged is lost on a restart.
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

        var written = await source.ExecuteAsync(
            QueryCatalog.Request("AcknowledgeAlarm", alarmId, userName, at, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), alarmId),
            cancellationToken);
        if (written > 0)
        {
            await source.ExecuteAsync(
                QueryCatalog.Request("RecordAudit", Guid.NewGuid().ToString("N"), at, userName, "ACKNOWLEDGE_ALARM", alarmId, comment),
                cancellationToken);
        }

        return written > 0;
    }
}
