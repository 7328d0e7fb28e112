namespace Flux.OpsCenter.Data.Grid;

/// <summary>
/// One alarm of GRID_ALARMS (a sustained outage, a feeder lockout, a feeder-hour over rating) with its priority (from
/// ALARM_HISTORY, the one priority rule), its acknowledgement and the shelf in force, if any.
/// </summary>
public sealed record GridAlarm(
    string AlarmId,
    string AlarmType,
    string Priority,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ReturnedAt,
    string CircuitId,
    string SubstationId,
    string OperatorPosition,
    string SubjectId,
    string? OutageId,
    long CustomersAffected,
    long CriticalCareCustomers,
    string Message,
    bool IsActive,
    bool IsSuppressed,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgementComment,
    string? ShelvedBy,
    DateTimeOffset? ShelvedUntil,
    string? ShelveReason)
{
    public bool IsAcknowledged => AcknowledgedAt is not null;

    /// <summary>Its ISA-18.2 state. A shelf is the operator's own choice and wins over suppression by design.</summary>
    public AlarmState State => this switch
    {
        { ShelvedUntil: not null } => AlarmState.Shelved,
        { IsSuppressed: true } => AlarmState.Suppressed,
        { IsActive: true, IsAcknowledged: false } => AlarmState.Unacknowledged,
        { IsActive: true } => AlarmState.Acknowledged,
        { IsAcknowledged: false } => AlarmState.ReturnedUnacknowledged,
        _ => AlarmState.Normal,
    };

    /// <summary>Whether it belongs on the operator's alarm list: annunciated (not shelved, not suppressed) and not yet normal.</summary>
    public bool IsAnnunciated => State is AlarmState.Unacknowledged or AlarmState.Acknowledged or AlarmState.ReturnedUnacknowledged;
}
