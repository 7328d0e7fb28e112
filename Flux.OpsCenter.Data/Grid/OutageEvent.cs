namespace Flux.OpsCenter.Data.Grid;

/// <summary>
/// One recorded lifecycle transition of an outage: who did what, when, the stage it left the outage in, and for an ETR
/// step the ETR it set.
/// </summary>
public sealed record OutageEvent(
    string EventId, string OutageId, string Action, string Stage, DateTimeOffset OccurredAt, string UserName, string? Detail, DateTimeOffset? Etr);
