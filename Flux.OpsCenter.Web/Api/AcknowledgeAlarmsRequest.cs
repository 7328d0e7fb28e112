namespace Flux.OpsCenter.Web.Api;

/// <summary>The body of <c>POST /api/alarms/acknowledge</c>: acknowledge the selected alarms with one comment.</summary>
/// <param name="AlarmIds">The alarms, 1 to <see cref="Data.Queries.GridCommands.MaxAlarmsPerAcknowledgement"/>.</param>
/// <param name="Comment">What the operator noted, optional.</param>
public sealed record AcknowledgeAlarmsRequest(IReadOnlyList<string>? AlarmIds, string? Comment);
