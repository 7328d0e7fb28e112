using Flux.OpsCenter.Data.Queries;

namespace Flux.OpsCenter.Data.Grid;

/// <summary>
/// The EEMUA 191 alarm-system figures of a window, all counted from ALARM_HISTORY: rates and floods per operator
/// position, the top bad actors and the chattering sources.
/// </summary>
public sealed record AlarmPerformanceReport(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<AlarmPositionRate> Positions,
    IReadOnlyList<AlarmBadActor> BadActors,
    IReadOnlyList<ChatteringAlarm> Chattering)
{
    /// <summary>Bad actors listed (EEMUA 191 and ISA-18.2 report the top ten).</summary>
    public const int BadActorCount = 10;

    /// <summary>The longest window one report covers.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(31);

    public TimeSpan Window => To - From;

    /// <summary>Activations of every position in the window.</summary>
    public long TotalAlarms => Positions.Sum(p => p.Alarms);

    /// <summary>Share of all activations the top bad actors raised.</summary>
    public double BadActorShare => TotalAlarms == 0 ? 0 : (double)BadActors.Sum(b => b.Alarms) / TotalAlarms;

    /// <summary>Runs the three figure queries for alarms raised in [from, to).</summary>
    public static async Task<AlarmPerformanceReport> LoadAsync(GridQueries queries, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        if (to <= from || to - from > MaxWindow)
        {
            throw new ArgumentException($"A report covers more than nothing and at most {MaxWindow.TotalDays:0} days.", nameof(to));
        }

        var positions = await queries.GetAlarmRatesAsync(from, to, cancellationToken);
        var badActors = await queries.GetAlarmBadActorsAsync(from, to, BadActorCount, cancellationToken);
        var chattering = await queries.GetChatteringAlarmsAsync(from, to, GridQueries.MaxRows, cancellationToken);
        return new AlarmPerformanceReport(from, to, positions, badActors, chattering);
    }
}
