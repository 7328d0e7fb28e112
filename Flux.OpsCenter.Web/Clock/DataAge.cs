namespace Flux.OpsCenter.Web.Clock;

/// <summary>
/// How fresh the data on screen is: <see cref="DataAgeState.Live"/> while the feed answers and its "as of" is recent,
/// <see cref="DataAgeState.Delayed"/> once "as of" is older than the warning age, <see cref="DataAgeState.Lost"/> while
/// the source fails (the monitor's stale-since), <see cref="DataAgeState.Waiting"/> before the first answer.
/// The browser adds one more state it alone can know, the lost connection to the server (flux-boot.js).
/// </summary>
public sealed record DataAge(DataAgeState State, DateTimeOffset? AsOf, DateTimeOffset? StaleSince, TimeSpan Age)
{
    /// <summary>The state of data as of <paramref name="asOf"/>, seen at <paramref name="now"/>.</summary>
    public static DataAge Of(DateTimeOffset? asOf, DateTimeOffset? staleSince, DateTimeOffset now, TimeSpan warning)
    {
        if (asOf is null)
        {
            return new DataAge(staleSince is null ? DataAgeState.Waiting : DataAgeState.Lost, null, staleSince, TimeSpan.Zero);
        }

        var age = now - asOf.Value;
        age = age < TimeSpan.Zero ? TimeSpan.Zero : age;
        var state = staleSince is not null ? DataAgeState.Lost : age > warning ? DataAgeState.Delayed : DataAgeState.Live;
        return new DataAge(state, asOf, staleSince, age);
    }

    /// <summary>The age in words an operator reads at a glance: "12 s", "4 min", "3 h 5 min", "2 d 3 h".</summary>
    public string AgeText => Age switch
    {
        { TotalSeconds: < 60 } => $"{(int)Age.TotalSeconds} s",
        { TotalMinutes: < 60 } => $"{(int)Age.TotalMinutes} min",
        { TotalHours: < 48 } => $"{(int)Age.TotalHours} h {Age.Minutes} min",
        _ => $"{(int)Age.TotalDays} d {Age.Hours} h",
    };
}
