using Flux.OpsCenter.Web.Clock;
using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Tests.Web.Clock;

public sealed class UtilityTimeTests
{
    private static UtilityTime Houston() => new(Options.Create(new ClockOptions()));

    [Fact]
    public void Winter_times_show_in_central_standard_time()
    {
        var instant = new DateTimeOffset(2026, 11, 20, 20, 32, 5, TimeSpan.Zero);

        Assert.Equal("14:32 CST", Houston().Format(instant));
        Assert.Equal("2026-11-20 20:32:05 UTC", UtilityTime.Utc(instant));
    }

    [Fact]
    public void Summer_times_show_in_central_daylight_time()
    {
        Assert.Equal("2024-07-08 04:00 CDT", Houston().Format(new DateTimeOffset(2024, 7, 8, 9, 0, 0, TimeSpan.Zero), "yyyy-MM-dd HH:mm"));
    }

    [Fact]
    public void The_hour_after_the_fall_change_repeats_with_the_other_abbreviation()
    {
        // 2026-11-01: 01:30 happens twice in Chicago, first as CDT (06:30 UTC), then as CST (07:30 UTC).
        var time = Houston();

        Assert.Equal("01:30 CDT", time.Format(new DateTimeOffset(2026, 11, 1, 6, 30, 0, TimeSpan.Zero)));
        Assert.Equal("01:30 CST", time.Format(new DateTimeOffset(2026, 11, 1, 7, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Another_zone_can_be_configured()
    {
        var time = new UtilityTime(Options.Create(new ClockOptions { TimeZone = "America/New_York" }));

        Assert.Equal("15:32 EST", time.Format(new DateTimeOffset(2026, 11, 20, 20, 32, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void An_unknown_zone_is_refused_with_the_setting_named()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new UtilityTime(Options.Create(new ClockOptions { TimeZone = "Mars/Olympus" })));

        Assert.Contains("OpsCenter:Clock:TimeZone", error.Message, StringComparison.Ordinal);
    }
}
