namespace Flux.OpsCenter.Data.Queries;

/// <summary>
/// The writes the app itself owns (alarm acknowledgements and shelves, and the audit trail), each a parameterised .sql file.
/// Writes are idempotent and committed, with their audit row in the same transaction, before the call returns: nothing
/// acknowledged is lost on a restart and nothing is acknowledged without its audit entry. On Snowflake, whose SQL API
/// cannot bind values inside a multi-statement request, the statements run one by one; each is idempotent and the audit
/// row is derived from the acknowledgement row, so repeating a write after a failure between them completes it.
/// </summary>
public sealed class GridCommands(ISqlSource source)
{
    /// <summary>Longest acknowledgement comment kept.</summary>
    public const int MaxCommentLength = 500;

    /// <summary>Most alarms one "acknowledge selected" takes.</summary>
    public const int MaxAlarmsPerAcknowledgement = 200;

    /// <summary>Shortest and longest shelf: ISA-18.2 shelving is time-limited, never "until further notice".</summary>
    public static readonly TimeSpan MinShelfDuration = TimeSpan.FromMinutes(5);

    /// <inheritdoc cref="MinShelfDuration"/>
    public static readonly TimeSpan MaxShelfDuration = TimeSpan.FromHours(12);

    /// <summary>Acknowledges an alarm; returns false when it was already acknowledged (nothing changes then).</summary>
    public async Task<bool> AcknowledgeAlarmAsync(string alarmId, string userName, string? comment, DateTimeOffset at, CancellationToken cancellationToken) =>
        await AcknowledgeAlarmsAsync([alarmId], userName, comment, at, cancellationToken) > 0;

    /// <summary>
    /// Acknowledges several alarms with one comment in one transaction, each with its audit row; returns how many were
    /// not acknowledged before (those already acknowledged keep their first acknowledgement).
    /// </summary>
    public async Task<int> AcknowledgeAlarmsAsync(IReadOnlyCollection<string> alarmIds, string userName, string? comment, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alarmIds);
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (alarmIds.Count is 0 or > MaxAlarmsPerAcknowledgement || alarmIds.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"Acknowledge from 1 to {MaxAlarmsPerAcknowledgement} alarms, each named by its id.", nameof(alarmIds));
        }

        var kept = CheckedText(comment, nameof(comment));
        var requests = alarmIds.Distinct(StringComparer.Ordinal).SelectMany(alarmId => new[]
        {
            QueryCatalog.Request("AcknowledgeAlarm", alarmId, userName, at, kept, alarmId),
            QueryCatalog.Request("RecordAcknowledgementAudit", Guid.NewGuid().ToString("N"), alarmId, alarmId),
        }).ToList();
        var changed = await source.ExecuteBatchAsync(requests, cancellationToken);
        return (int)changed.Where((_, i) => i % 2 == 0).Count(c => c > 0);
    }

    /// <summary>
    /// Shelves an alarm until <paramref name="until"/> with a reason, with its audit row, in one transaction; returns false
    /// when a shelf is already in force (nothing changes then). The alarm returns by itself at expiry.
    /// </summary>
    public async Task<bool> ShelveAlarmAsync(string alarmId, string userName, string reason, DateTimeOffset at, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alarmId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        var kept = CheckedText(reason, nameof(reason)) ?? throw new ArgumentException("Shelving needs a reason.", nameof(reason));
        if (until - at < MinShelfDuration || until - at > MaxShelfDuration)
        {
            throw new ArgumentException($"A shelf lasts from {MinShelfDuration.TotalMinutes:0} minutes to {MaxShelfDuration.TotalHours:0} hours.", nameof(until));
        }

        var changed = await source.ExecuteBatchAsync(
            [
                QueryCatalog.Request("ShelveAlarm", Guid.NewGuid().ToString("N"), alarmId, userName, at, until, kept, alarmId, at),
                QueryCatalog.Request("RecordShelveAudit", alarmId),
            ],
            cancellationToken);
        return changed[0] > 0;
    }

    /// <summary>Ends the shelf in force on an alarm before its expiry, with its audit row; false when none is in force.</summary>
    public async Task<bool> UnshelveAlarmAsync(string alarmId, string userName, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alarmId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        var changed = await source.ExecuteBatchAsync(
            [
                QueryCatalog.Request("UnshelveAlarm", userName, at, alarmId, at),
                QueryCatalog.Request("RecordUnshelveAudit", alarmId),
            ],
            cancellationToken);
        return changed[0] > 0;
    }

    private static string? CheckedText(string? text, string parameterName) => text switch
    {
        { Length: > MaxCommentLength } => throw new ArgumentException($"A comment or reason holds at most {MaxCommentLength} characters.", parameterName),
        _ when string.IsNullOrWhiteSpace(text) => null,
        _ => text.Trim(),
    };
}
