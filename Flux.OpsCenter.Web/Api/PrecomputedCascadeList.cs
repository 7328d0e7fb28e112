using Flux.OpsCenter.Data.Analysis.Cascade;

namespace Flux.OpsCenter.Web.Api;

/// <summary>Answer of GET /api/cascade/precomputed: how far the precompute job is, and the scenarios it has written.</summary>
public sealed record PrecomputedCascadeList(CascadeAnalysisStatus Status, IReadOnlyList<PrecomputedCascadeRow> Scenarios);
