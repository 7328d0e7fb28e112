using Flux.OpsCenter.Data.Analysis.Cascade;

namespace Flux.OpsCenter.Web.Api;

/// <summary>A simulation with its impact analysis.</summary>
public sealed record CascadeSimulationResponse(CascadeResult Result, CascadeImpact Impact);
