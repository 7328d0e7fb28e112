namespace Flux.OpsCenter.Web.Api;

/// <summary>The optional body of an outage lifecycle step (<c>POST /api/outages/{outageId}/…</c>); each step reads what it needs.</summary>
/// <param name="CrewId">The crew to dispatch (dispatch).</param>
/// <param name="Etr">The estimated time of restoration, an ISO 8601 instant with its offset (etr).</param>
/// <param name="Source">Who the ETR comes from: <c>crew</c> (default) or <c>estimate</c>; an estimate never overwrites a crew's ETR.</param>
/// <param name="Comment">A note kept in the audit trail, at most <see cref="Data.Queries.OutageWorkflow.MaxCommentLength"/> characters.</param>
public sealed record OutageStepRequest(string? CrewId, DateTimeOffset? Etr, string? Source, string? Comment);
