namespace Flux.OpsCenter.Data.Grid;

/// <summary>One recorded action on an alarm: who did what, when, and their comment or reason.</summary>
public sealed record AlarmAuditEntry(DateTimeOffset OccurredAt, string UserName, string Action, string? Detail);
