namespace Flux.OpsCenter.Web.Api;

/// <summary>The body of <c>POST /api/alarms/{alarmId}/acknowledge</c>; the body itself is optional.</summary>
/// <param name="Comment">What the operator noted, at most <see cref="Data.Queries.GridCommands.MaxCommentLength"/> characters.</param>
public sealed record AcknowledgeAlarmRequest(string? Comment);
