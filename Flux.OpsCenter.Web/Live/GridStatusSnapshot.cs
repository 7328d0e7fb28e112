using Flux.OpsCenter.Data.Grid;

namespace Flux.OpsCenter.Web.Live;

/// <summary>
/// Everything live at one sequence number: KPIs, every circuit (worst first), active outages and recent alarms.
/// A subscriber starts from a snapshot and applies deltas whose <see cref="GridStatusDelta.PreviousSequence"/>
/// equals the sequence it holds; on a gap it asks for a snapshot again.
/// </summary>
public sealed record GridStatusSnapshot(
    long Sequence,
    DateTimeOffset PublishedAt,
    DateTimeOffset? StaleSince,
    OpsKpis? Kpis,
    IReadOnlyList<CircuitState> Circuits,
    IReadOnlyList<Outage> ActiveOutages,
    IReadOnlyList<GridAlarm> Alarms);
