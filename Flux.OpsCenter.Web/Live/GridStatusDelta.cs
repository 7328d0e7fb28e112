using Flux.OpsCenter.Data.Grid;

namespace Flux.OpsCenter.Web.Live;

/// <summary>What changed between two consecutive sequence numbers. A null <see cref="Kpis"/> means unchanged.</summary>
public sealed record GridStatusDelta(
    long Sequence,
    long PreviousSequence,
    DateTimeOffset PublishedAt,
    DateTimeOffset? StaleSince,
    OpsKpis? Kpis,
    IReadOnlyList<CircuitState> ChangedCircuits,
    IReadOnlyList<Outage> StartedOrChangedOutages,
    IReadOnlyList<string> EndedOutageIds,
    IReadOnlyList<GridAlarm> ChangedAlarms,
    IReadOnlyList<string> RemovedAlarmIds)
{
    public bool HasChanges =>
        Kpis is not null || ChangedCircuits.Count > 0 || StartedOrChangedOutages.Count > 0 || EndedOutageIds.Count > 0
        || ChangedAlarms.Count > 0 || RemovedAlarmIds.Count > 0;
}
