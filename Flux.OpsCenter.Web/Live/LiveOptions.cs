namespace Flux.OpsCenter.Web.Live;

/// <summary>Settings of the status monitor, bound from <c>OpsCenter:Live</c>.</summary>
public sealed class LiveOptions
{
    public const string SectionName = "OpsCenter:Live";

    /// <summary>Time between polls of circuit status, active outages and alarms while a page, hub client or API reader watches.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

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
}
