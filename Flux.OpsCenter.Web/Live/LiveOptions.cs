namespace Flux.OpsCenter.Web.Live;

/// <summary>Settings of the status monitor, bound from <c>OpsCenter:Live</c>.</summary>
public sealed class LiveOptions
{
    public const string SectionName = "OpsCenter:Live";

    /// <summary>Time between polls of circuit status, active outages and alarms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Messages a slow subscriber may fall behind before the oldest are dropped (it then resyncs).</summary>
    public int SubscriberBuffer { get; set; } = 64;

    /// <summary>Alarms kept in a snapshot.</summary>
    public int AlarmLimit { get; set; } = 200;
}
