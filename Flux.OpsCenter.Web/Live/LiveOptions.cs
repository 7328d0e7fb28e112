using Flux.OpsCenter.Data;

namespace Flux.OpsCenter.Web.Live;

/// <summary>Settings of the status monitor, bound from <c>OpsCenter:Live</c>.</summary>
public sealed class LiveOptions
{
    public const string SectionName = "OpsCenter:Live";

    /// <summary>Default time between polls on the embedded file: live status within half a second, at no cost.</summary>
    public static readonly TimeSpan EmbeddedPollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Default time between polls on Snowflake: each poll is four statements, so 500 ms would be 480 statements a minute
    /// against the warehouse (docs/warehouse-cost.md); 5 s keeps live status well inside an operator's reaction time.
    /// </summary>
    public static readonly TimeSpan SnowflakePollInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Time between polls of circuit status, active outages, alarms and KPIs (<c>OpsCenter:Live:PollInterval</c>);
    /// unset, it follows the data source (<see cref="EmbeddedPollInterval"/>, <see cref="SnowflakePollInterval"/>).
    /// </summary>
    public TimeSpan? PollInterval { get; set; }

    /// <summary>
    /// Time between polls while nobody watches (writes in this process still nudge a poll at once, and the first
    /// watcher wakes the monitor), so an idle server costs next to nothing.
    /// </summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long after a read API answered the monitor keeps its fast interval.</summary>
    public TimeSpan ReadWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages a slow subscriber may fall behind before the oldest are dropped (it then resyncs).</summary>
    public int SubscriberBuffer { get; set; } = 64;

    /// <summary>Alarms kept in a snapshot.</summary>
    public int AlarmLimit { get; set; } = 200;

    /// <summary>The interval the monitor polls at on <paramref name="source"/>: the configured one, else the source's default.</summary>
    public TimeSpan PollIntervalFor(DataSourceKind source) =>
        PollInterval ?? (source == DataSourceKind.Snowflake ? SnowflakePollInterval : EmbeddedPollInterval);
}
