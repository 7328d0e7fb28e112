namespace Flux.OpsCenter.Data.Grid;

/// <summary>One alarm of GRID_ALARMS (new outage, lockout, restoration, overload) and its acknowledgement, if any.</summary>
public sealed record GridAlarm(
    string AlarmId,
    string AlarmType,
    string Severity,
    DateTimeOffset RaisedAt,
    string CircuitId,
    string SubstationId,
    string SubjectId,
    string? OutageId,
    long CustomersAffected,
    string Message,
    bool IsActive,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgementComment)
{
    public bool IsAcknowledged => AcknowledgedAt is not null;
}
