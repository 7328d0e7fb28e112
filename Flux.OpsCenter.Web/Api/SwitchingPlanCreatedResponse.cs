using Flux.OpsCenter.Data.Analysis.Network;

namespace Flux.OpsCenter.Web.Api;

/// <summary>The answer to saving a plan: its id and the study of each step (warnings included).</summary>
public sealed record SwitchingPlanCreatedResponse(string PlanId, IReadOnlyList<StepValidation> Steps);
