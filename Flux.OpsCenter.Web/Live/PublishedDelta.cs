namespace Flux.OpsCenter.Web.Live;

/// <summary>
/// What the feed queues for a delta: the delta and the snapshot it leads to, so an in-process subscriber that is in
/// step takes the monitor's one shared snapshot instead of building its own copy of every circuit.
/// </summary>
internal sealed record PublishedDelta(GridStatusDelta Delta, GridStatusSnapshot Snapshot);
