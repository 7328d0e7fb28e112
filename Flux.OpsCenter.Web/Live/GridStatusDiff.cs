using Flux.OpsCenter.Data.Grid;

namespace Flux.OpsCenter.Web.Live;

/// <summary>Computes the delta between two snapshots and applies a delta to a snapshot; both sides use it.</summary>
public static class GridStatusDiff
{
    public static GridStatusDelta Between(GridStatusSnapshot previous, GridStatusSnapshot next)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(next);
        var oldCircuits = previous.Circuits.ToDictionary(c => c.CircuitId, StringComparer.Ordinal);
        var oldOutages = previous.ActiveOutages.ToDictionary(o => o.OutageId, StringComparer.Ordinal);
        var oldAlarms = previous.Alarms.ToDictionary(a => a.AlarmId, StringComparer.Ordinal);
        var newOutageIds = next.ActiveOutages.Select(o => o.OutageId).ToHashSet(StringComparer.Ordinal);
        var newAlarmIds = next.Alarms.Select(a => a.AlarmId).ToHashSet(StringComparer.Ordinal);
        return new GridStatusDelta(
            next.Sequence,
            previous.Sequence,
            next.PublishedAt,
            next.StaleSince,
            Equals(previous.Kpis, next.Kpis) ? null : next.Kpis,
            [.. next.Circuits.Where(c => !oldCircuits.TryGetValue(c.CircuitId, out var old) || old != c)],
            [.. next.ActiveOutages.Where(o => !oldOutages.TryGetValue(o.OutageId, out var old) || old != o)],
            [.. previous.ActiveOutages.Where(o => !newOutageIds.Contains(o.OutageId)).Select(o => o.OutageId)],
            [.. next.Alarms.Where(a => !oldAlarms.TryGetValue(a.AlarmId, out var old) || old != a)],
            [.. previous.Alarms.Where(a => !newAlarmIds.Contains(a.AlarmId)).Select(a => a.AlarmId)]);
    }

    /// <summary>The snapshot after <paramref name="delta"/>; the caller has checked the sequence follows on.</summary>
    public static GridStatusSnapshot Apply(GridStatusSnapshot snapshot, GridStatusDelta delta)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(delta);
        var circuits = snapshot.Circuits.ToDictionary(c => c.CircuitId, StringComparer.Ordinal);
        foreach (var circuit in delta.ChangedCircuits)
        {
            circuits[circuit.CircuitId] = circuit;
        }

        var outages = snapshot.ActiveOutages.Where(o => !delta.EndedOutageIds.Contains(o.OutageId)).ToDictionary(o => o.OutageId, StringComparer.Ordinal);
        foreach (var outage in delta.StartedOrChangedOutages)
        {
            outages[outage.OutageId] = outage;
        }

        var alarms = snapshot.Alarms.Where(a => !delta.RemovedAlarmIds.Contains(a.AlarmId)).ToDictionary(a => a.AlarmId, StringComparer.Ordinal);
        foreach (var alarm in delta.ChangedAlarms)
        {
            alarms[alarm.AlarmId] = alarm;
        }

        return new GridStatusSnapshot(
            delta.Sequence,
            delta.PublishedAt,
            delta.StaleSince,
            delta.Kpis ?? snapshot.Kpis,
            [.. WorstFirst(circuits.Values)],
            [.. outages.Values.OrderByDescending(o => o.CustomersAffected).ThenBy(o => o.OutageId, StringComparer.Ordinal)],
            [.. AlarmOrder(alarms.Values)]);
    }

    public static IEnumerable<CircuitState> WorstFirst(IEnumerable<CircuitState> circuits) =>
        circuits.OrderBy(c => Rank(c.Status)).ThenByDescending(c => c.CustomersOut).ThenByDescending(c => c.LoadPct)
            .ThenBy(c => c.CircuitId, StringComparer.Ordinal);

    public static IEnumerable<GridAlarm> AlarmOrder(IEnumerable<GridAlarm> alarms) =>
        alarms.OrderBy(a => AlarmPriorities.Rank(a.Priority)).ThenByDescending(a => a.RaisedAt).ThenBy(a => a.AlarmId, StringComparer.Ordinal);

    private static int Rank(string status) => status switch
    {
        "OUTAGE" => 0,
        "PARTIAL" => 1,
        "OVERLOADED" => 2,
        _ => 3,
    };
}
