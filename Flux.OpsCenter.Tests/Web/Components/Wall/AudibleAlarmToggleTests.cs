using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Tests.Support;
using Flux.OpsCenter.Web.Components.Pages.Wall;
using Flux.OpsCenter.Web.Live;

namespace Flux.OpsCenter.Tests.Web.Components.Wall;

public sealed class AudibleAlarmToggleTests
{
    private static GridStatusSnapshot Snapshot(long sequence, params GridAlarm[] alarms) =>
        new(sequence, Builders.Kpis().AsOf, null, Builders.Kpis(), [], [], alarms);

    [Fact]
    public void A_new_unacknowledged_high_priority_alarm_is_news()
    {
        var before = Snapshot(1, Builders.Alarm("A-1", priority: "HIGH"));
        var after = Snapshot(2, Builders.Alarm("A-1", priority: "HIGH"), Builders.Alarm("A-2", priority: "HIGH"));

        Assert.True(AudibleAlarmToggle.HasNewHighPriorityAlarm(before, after));
    }

    [Fact]
    public void Medium_acknowledged_already_known_alarms_and_a_first_snapshot_are_not()
    {
        var before = Snapshot(1, Builders.Alarm("A-1", priority: "HIGH"));

        Assert.False(AudibleAlarmToggle.HasNewHighPriorityAlarm(before, Snapshot(2, Builders.Alarm("A-1", priority: "HIGH"), Builders.Alarm("A-2", priority: "MEDIUM"))));
        Assert.False(AudibleAlarmToggle.HasNewHighPriorityAlarm(before, Snapshot(2, Builders.Alarm("A-3", acknowledgedBy: "jane", priority: "HIGH"))));
        Assert.False(AudibleAlarmToggle.HasNewHighPriorityAlarm(null, Snapshot(1, Builders.Alarm("A-4", priority: "HIGH"))));
    }
}
