namespace Flux.OpsCenter.Web.Clock;

/// <summary>How times are shown and when data counts as late, bound from <c>OpsCenter:Clock</c>.</summary>
public sealed class ClockOptions
{
    public const string SectionName = "OpsCenter:Clock";

    /// <summary>The utility's time zone (IANA id); every time on screen is shown in it, with UTC on hover.</summary>
    public string TimeZone { get; set; } = "America/Chicago";

    /// <summary>Data older than this (wall clock minus the data's "as of") is shown amber as delayed.</summary>
    public TimeSpan DataAgeWarning { get; set; } = TimeSpan.FromMinutes(2);
}
