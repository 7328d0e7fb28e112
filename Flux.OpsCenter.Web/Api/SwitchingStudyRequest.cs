namespace Flux.OpsCenter.Web.Api;

/// <summary>The body of <c>POST /api/switching/study</c>: the plan's steps in order.</summary>
public sealed record SwitchingStudyRequest(IReadOnlyList<SwitchingStudyStep>? Steps);
