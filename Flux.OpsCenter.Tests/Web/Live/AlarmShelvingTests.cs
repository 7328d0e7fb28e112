using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Tests.Support;
using Flux.OpsCenter.Web.Identity;
using Flux.OpsCenter.Web.Live;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Flux.OpsCenter.Tests.Web.Live;

/// <summary>Shelved alarms leave the list and return by themselves at expiry, on the app's clock (a fake one here).</summary>
public sealed class AlarmShelvingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_shelved_alarm_is_listed_as_shelved_and_returns_to_the_live_list_at_expiry()
    {
        var clock = new FakeTimeProvider(TestTerritory.AsOf.AddMinutes(3));
        await using var factory = new FakeClockFactory(clock);
        factory.CreateClient().Dispose();
        var monitor = factory.Services.GetRequiredService<GridStatusMonitor>();
        var feed = factory.Services.GetRequiredService<GridStatusFeed>();
        var commands = factory.Services.GetRequiredService<AuthorizedCommands>();
        var operatorUser = OpsCenterPrincipal.Create("op.lee", OpsCenterRoles.Operator, "Test");
        await monitor.PollOnceAsync(Token);
        var alarm = feed.Current!.Alarms.First(a => a.State == AlarmState.Unacknowledged);

        var outcome = await commands.ShelveAlarmAsync(operatorUser, alarm.AlarmId, "crew on site", TimeSpan.FromMinutes(30), Token);
        await monitor.PollOnceAsync(Token);
        var shelved = feed.Current!.Alarms.Single(a => a.AlarmId == alarm.AlarmId);
        clock.Advance(TimeSpan.FromMinutes(29));
        await monitor.PollOnceAsync(Token);
        var stillShelved = feed.Current!.Alarms.Single(a => a.AlarmId == alarm.AlarmId).State;
        clock.Advance(TimeSpan.FromMinutes(1));
        await monitor.PollOnceAsync(Token);
        var returned = feed.Current!.Alarms.Single(a => a.AlarmId == alarm.AlarmId);

        Assert.Equal(AlarmWriteOutcome.Written, outcome);
        Assert.Equal(AlarmState.Shelved, shelved.State);
        Assert.False(shelved.IsAnnunciated);
        Assert.Equal(("op.lee", "crew on site", TestTerritory.AsOf.AddMinutes(33)), (shelved.ShelvedBy, shelved.ShelveReason, shelved.ShelvedUntil!.Value));
        Assert.Equal(AlarmState.Shelved, stillShelved);
        Assert.Equal(AlarmState.Unacknowledged, returned.State);
        Assert.True(returned.IsAnnunciated);
        Assert.Null(returned.ShelvedUntil);
    }

    [Fact]
    public async Task A_viewer_may_not_shelve_and_nothing_is_written()
    {
        var clock = new FakeTimeProvider(TestTerritory.AsOf.AddMinutes(3));
        await using var factory = new FakeClockFactory(clock);
        factory.CreateClient().Dispose();
        await factory.Services.GetRequiredService<GridStatusMonitor>().PollOnceAsync(Token);
        var alarm = factory.Services.GetRequiredService<GridStatusFeed>().Current!.Alarms[0];
        var viewer = OpsCenterPrincipal.Create("wall", OpsCenterRoles.Viewer, "Test");

        var outcome = await factory.Services.GetRequiredService<AuthorizedCommands>().ShelveAlarmAsync(viewer, alarm.AlarmId, "no", TimeSpan.FromHours(1), Token);

        Assert.Equal(AlarmWriteOutcome.Forbidden, outcome);
        Assert.Equal(0, ViewQueries.Long(factory.DatabasePath, "SELECT COUNT(*) FROM APPLICATIONS.ALARM_SHELVES"));
    }

    /// <summary>The app on a clock the test moves.</summary>
    private sealed class FakeClockFactory(TimeProvider clock) : OpsCenterAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }
}
