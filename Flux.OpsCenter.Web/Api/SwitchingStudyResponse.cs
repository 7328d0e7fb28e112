using Flux.OpsCenter.Data.Analysis.Network;

namespace Flux.OpsCenter.Web.Api;

/// <summary>The study of a plan: whether every step can run, and each step's validation.</summary>
public sealed record SwitchingStudyResponse(bool CanRun, IReadOnlyList<StepValidation> Steps);
