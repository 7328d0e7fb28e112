using Flux.OpsCenter.Data.Grid;

namespace Flux.OpsCenter.Data.Analysis.Vegetation;

/// <summary>The trees of a viewport query: counts by band inside the box, the trees chosen, and whether more matched.</summary>
public sealed record VegetationViewport(IReadOnlyDictionary<string, int> Counts, IReadOnlyList<VegetationTree> Trees, bool Truncated);
