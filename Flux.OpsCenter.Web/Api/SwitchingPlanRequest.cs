namespace Flux.OpsCenter.Web.Api;

/// <summary>The body of <c>POST /api/switching/plans</c>: a name and the plan's steps in order.</summary>
public sealed record SwitchingPlanRequest(string? Name, IReadOnlyList<SwitchingStudyStep>? Steps);
