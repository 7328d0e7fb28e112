using Flux.OpsCenter.Tests.Support;
using Microsoft.Playwright;

namespace Flux.OpsCenter.Tests.Browser;

/// <summary>The /alarms page in a real browser: shelving and acknowledging a selection, as an operator does it.</summary>
public sealed class AlarmBrowserTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 30_000 };

    [Fact]
    public async Task Shelving_moves_an_alarm_to_the_shelved_list_with_its_reason_and_unshelving_brings_it_back()
    {
        var page = await app.OpenAsync("/alarms", 1366, 768);
        var list = page.GetByTestId("alarm-list");
        var row = list.Locator("[data-testid=alarm-row][data-alarm-state=Unacknowledged]").First;
        await Assertions.Expect(row).ToBeVisibleAsync(Visible);
        var alarmId = await row.GetAttributeAsync("data-alarm-id");

        await row.GetByTestId("alarm-shelve").ClickAsync();
        await page.Locator("[data-testid=shelve-reason] textarea, textarea[data-testid=shelve-reason]").First.FillAsync("crew on site, known fault");
        await page.GetByTestId("shelve-confirm").ClickAsync();

        await Assertions.Expect(list.Locator($"[data-alarm-id='{alarmId}']")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await list.GetByTestId("alarm-tab-shelved").ClickAsync();
        var shelved = list.Locator($"[data-alarm-id='{alarmId}'][data-alarm-state=Shelved]");
        await Assertions.Expect(shelved.GetByTestId("alarm-shelf")).ToContainTextAsync("crew on site, known fault", new() { Timeout = 30_000 });
        Assert.Equal(1, ViewQueries.Long(app.Factory.DatabasePath, $"SELECT COUNT(*) FROM APPLICATIONS.AUDIT_LOG WHERE ACTION = 'SHELVE_ALARM' AND SUBJECT_ID = '{alarmId}'"));
        await app.ScreenshotAsync(page, "alarms-shelved-1366");

        await shelved.GetByTestId("alarm-history-toggle").ClickAsync();
        await Assertions.Expect(shelved.GetByTestId("alarm-history-entry")).ToContainTextAsync("shelved", new() { Timeout = 30_000 });
        await shelved.GetByTestId("alarm-unshelve").ClickAsync();
        await list.GetByTestId("alarm-tab-annunciated").ClickAsync();
        await Assertions.Expect(list.Locator($"[data-alarm-id='{alarmId}'][data-alarm-state=Unacknowledged]")).ToBeVisibleAsync(Visible);
    }

    [Fact]
    public async Task Acknowledge_selected_acknowledges_every_selected_alarm_with_one_comment()
    {
        var page = await app.OpenAsync("/alarms", 1920, 1080);
        var list = page.GetByTestId("alarm-list");
        var selectable = list.Locator("[data-testid=alarm-row]").Filter(new() { Has = page.GetByTestId("alarm-select") });
        await Assertions.Expect(selectable.First).ToBeVisibleAsync(Visible);
        var first = await selectable.Nth(0).GetAttributeAsync("data-alarm-id");
        var second = await selectable.Nth(1).GetAttributeAsync("data-alarm-id");

        await list.Locator($"[data-alarm-id='{first}'] [data-testid=alarm-select]").CheckAsync();
        await list.Locator($"[data-alarm-id='{second}'] [data-testid=alarm-select]").CheckAsync();
        await Assertions.Expect(list.GetByTestId("alarm-ack-selected")).ToContainTextAsync("(2)");
        await list.GetByTestId("alarm-ack-selected").ClickAsync();
        await page.Locator("[data-testid=ack-comment] textarea, textarea[data-testid=ack-comment]").First.FillAsync("storm sweep");
        await page.GetByTestId("ack-confirm").ClickAsync();

        foreach (var alarmId in new[] { first, second })
        {
            // Acknowledged alarms stay on the list until they return to normal, now saying who acknowledged them.
            await Assertions.Expect(list.Locator($"[data-alarm-id='{alarmId}'] [data-testid=alarm-ack-by]")).ToContainTextAsync("storm sweep", new() { Timeout = 30_000 });
            await Assertions.Expect(list.Locator($"[data-alarm-id='{alarmId}']")).ToHaveAttributeAsync("data-alarm-state", "Acknowledged");
        }

        Assert.Equal(2, ViewQueries.Long(app.Factory.DatabasePath,
            $"SELECT COUNT(*) FROM APPLICATIONS.ALARM_ACKNOWLEDGEMENTS WHERE ALARM_ID IN ('{first}', '{second}') AND COMMENT = 'storm sweep'"));
        await app.ScreenshotAsync(page, "alarms-acknowledged-1920");
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(1920, 1080)]
    [InlineData(3840, 2160)]
    public async Task Alarms_overview_and_wall_render_at_wall_and_desk_sizes(int width, int height)
    {
        foreach (var (path, name, ready) in new[] { ("/alarms", "alarms", "alarm-list"), ("/", "overview", "alarm-list"), ("/wall", "wall", "wall-ticker") })
        {
            var page = await app.OpenAsync(path, width, height);
            await page.Locator(LiveBrowserTests.ConnectedDataAge).WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
            await Assertions.Expect(page.GetByTestId(ready)).ToBeVisibleAsync(Visible);
            await app.ScreenshotAsync(page, $"{name}-{width}x{height}");
            await page.CloseAsync();
        }
    }
}
