using Flux.OpsCenter.Data.Analysis.Network;

namespace Flux.OpsCenter.Web.Api;

/// <summary>The answer to running a plan: what ran, the step that failed if one did, and the plan as saved now.</summary>
public sealed record SwitchingPlanRunResponse(bool Succeeded, string Message, IReadOnlyList<StepValidation> Applied, StepValidation? Failed, SwitchingPlan Plan);
