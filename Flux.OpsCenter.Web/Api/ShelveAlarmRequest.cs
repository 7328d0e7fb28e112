namespace Flux.OpsCenter.Web.Api;

/// <summary>The body of <c>POST /api/alarms/{alarmId}/shelve</c>.</summary>
/// <param name="Reason">Why the alarm is shelved (required), at most <see cref="Data.Queries.GridCommands.MaxCommentLength"/> characters.</param>
/// <param name="Minutes">How long it stays shelved, from 5 minutes to 12 hours.</param>
public sealed record ShelveAlarmRequest(string? Reason, int Minutes);
