using Flux.OpsCenter.Data.Grid;

namespace Flux.OpsCenter.Data.Spatial;

/// <summary>
/// The outcome of recolouring the spatial index: the index to serve from now on, how many features changed colour
/// and the box they lie in (null when none did), so open maps redraw only when the change is in their view.
/// </summary>
public sealed record MapStatusRefresh(GridSpatialIndex Index, int ChangedFeatures, GeoBox? Area);
