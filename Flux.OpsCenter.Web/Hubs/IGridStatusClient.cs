using Flux.OpsCenter.Web.Live;

namespace Flux.OpsCenter.Web.Hubs;

/// <summary>What the grid-status hub sends: a snapshot on connect (and on request), then deltas in sequence order.</summary>
public interface IGridStatusClient
{
    Task Snapshot(GridStatusSnapshot snapshot);

    Task Delta(GridStatusDelta delta);
}
