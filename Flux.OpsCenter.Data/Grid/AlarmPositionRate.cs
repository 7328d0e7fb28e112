namespace Flux.OpsCenter.Data.Grid;

/// <summary>
/// EEMUA 191 alarm-rate figures of one operator position over a window: activations, the busiest fixed 10-minute
/// interval, and the intervals in flood (more than <see cref="FloodThreshold"/> activations).
/// </summary>
public sealed record AlarmPositionRate(string OperatorPosition, long Alarms, long PeakPer10Minutes, long FloodIntervals, long AlarmsInFloods)
{
    /// <summary>More activations than this in 10 minutes is a flood (EEMUA 191).</summary>
    public const int FloodThreshold = 10;

    /// <summary>Average activations per 10 minutes over a window of the given length (EEMUA 191's manageable rate is 1).</summary>
    public double AveragePer10Minutes(TimeSpan window) => window <= TimeSpan.Zero ? 0 : Alarms / (window.TotalMinutes / 10);

    /// <summary>Share of the window's 10-minute intervals that were in flood.</summary>
    public double ShareOfTimeInFlood(TimeSpan window) => window <= TimeSpan.Zero ? 0 : FloodIntervals / Math.Ceiling(window.TotalMinutes / 10);
}
