using System.Diagnostics;
using System.Globalization;
using Flux.OpsCenter.Data.Synthetic;
using Flux.OpsCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Flux.OpsCenter.Tests.Browser;

/// <summary>
/// The outage lifecycle end to end: a fault injected through the simulator shows as predicted, an operator confirms it,
/// dispatches a crew, sets an ETR and restores it, and a second browser sees each step by itself. The waits are
/// generous (a loaded CI machine); how long each step took to reach the second browser goes to the test output.
/// </summary>
public sealed class OutageBrowserTests(BrowserAppFixture app, ITestOutputHelper output) : IClassFixture<BrowserAppFixture>
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Generous = new() { Timeout = 60_000 };

    [Fact]
    public async Task A_second_browser_sees_every_step_of_an_outage_from_prediction_to_restoration()
    {
        var operatorPage = await app.OpenAsync("/outages", 1366, 768);
        var watcherPage = await app.OpenAsync("/outages", 1920, 1080);
        await operatorPage.GetByTestId("outage-table").WaitForAsync(new() { Timeout = 60_000 });
        await watcherPage.GetByTestId("outage-table").WaitForAsync(new() { Timeout = 60_000 });
        var fuse = Convert.ToString(ViewQueries.Scalar(app.Factory.DatabasePath, """
            SELECT MIN(FUSE_ID) FROM (
                SELECT t.FUSE_ID FROM PRODUCTION.TRANSFORMER_METADATA t
                JOIN PRODUCTION.CUSTOMERS_MASTER_DATA c ON c.TRANSFORMER_ID = t.TRANSFORMER_ID AND c.ACCOUNT_STATUS = 'ACTIVE'
                WHERE t.CIRCUIT_ID NOT IN (SELECT CIRCUIT_ID FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE OUTAGE_END_TIME IS NULL)
                GROUP BY t.FUSE_ID HAVING COUNT(DISTINCT t.TRANSFORMER_ID) >= 2)
            """), CultureInfo.InvariantCulture)!;

        var simulator = app.Factory.Services.GetRequiredService<LiveEventSimulator>();
        if (!simulator.IsInitialized)
        {
            await simulator.InitializeAsync(TestContext.Current.CancellationToken);
        }

        var fault = await simulator.InjectFaultAsync(fuse, TestContext.Current.CancellationToken);

        Assert.NotNull(fault);
        var mine = Row(operatorPage, fault.OutageId);
        var theirs = Row(watcherPage, fault.OutageId);
        await Seen("predicted", () => Assertions.Expect(theirs.GetByTestId("outage-stage")).ToHaveAttributeAsync("data-stage", "PREDICTED", Generous));
        await Assertions.Expect(mine.GetByTestId("outage-stage")).ToHaveAttributeAsync("data-stage", "PREDICTED", Generous);
        await Assertions.Expect(operatorPage.GetByTestId("outage-map")).ToHaveAttributeAsync("data-tentative-markers", new System.Text.RegularExpressions.Regex("^[1-9]"), Generous);

        await mine.GetByTestId("outage-open").ClickAsync();
        var panel = operatorPage.GetByTestId("outage-workflow");
        await panel.GetByTestId("step-confirm").ClickAsync();
        await Seen("confirmed", () => Assertions.Expect(theirs.GetByTestId("outage-stage")).ToHaveAttributeAsync("data-stage", "CONFIRMED", Generous));

        var crewButton = panel.GetByTestId("step-dispatch").First;
        var crewId = await crewButton.GetAttributeAsync("data-crew-id");
        await crewButton.ClickAsync();
        await Seen("dispatched", () => Assertions.Expect(theirs.GetByTestId("outage-crew")).ToContainTextAsync(crewId!, new() { Timeout = 60_000 }));
        await Assertions.Expect(theirs.GetByTestId("outage-stage")).ToHaveAttributeAsync("data-stage", "DISPATCHED", Generous);
        await Assertions.Expect(panel.GetByTestId("critical-care").Or(panel.GetByTestId("critical-care-none"))).ToBeVisibleAsync();

        // The crew's ETR as typed in the utility's wall time (America/Chicago, UTC-6 in winter): three hours from now.
        var etrLocal = DateTime.UtcNow.AddHours(-6 + 3).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        await panel.GetByTestId("etr-input").FillAsync(etrLocal);
        await panel.GetByTestId("step-etr").ClickAsync();
        await Seen("ETR set", () => Assertions.Expect(theirs.GetByTestId("outage-etr")).ToContainTextAsync("crew", new() { Timeout = 60_000 }));
        await app.ScreenshotAsync(operatorPage, "outages-lifecycle-1366x768");

        var customersBefore = int.Parse(await theirs.GetByTestId("outage-customers").InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        await panel.GetByTestId("step-restore-section").First.ClickAsync();
        await Seen("section restored", () => Assertions.Expect(theirs.GetByTestId("outage-customers")).Not.ToHaveTextAsync(
            customersBefore.ToString("N0", CultureInfo.InvariantCulture), new() { Timeout = 60_000 }));
        await theirs.GetByTestId("outage-open").ClickAsync();
        await Assertions.Expect(watcherPage.GetByTestId("workflow-stage")).ToHaveAttributeAsync("data-stage", "PARTIALLY_RESTORED", Generous);
        await app.ScreenshotAsync(watcherPage, "outages-lifecycle-1920x1080");

        await panel.GetByTestId("step-restore").ClickAsync();
        await Seen("restored", () => Assertions.Expect(theirs).ToHaveCountAsync(0, new() { Timeout = 60_000 }));
        await Assertions.Expect(watcherPage.Locator($"[data-testid=awaiting-row][data-outage-id='{fault.OutageId}']")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        Assert.Equal("RESTORED", ViewQueries.Scalar(app.Factory.DatabasePath, $"SELECT STAGE FROM APPLICATIONS.OUTAGE_WORKFLOW WHERE OUTAGE_ID = '{fault.OutageId}'"));
    }

    private static ILocator Row(IPage page, string outageId) => page.Locator($"[data-testid=outage-row][data-outage-id='{outageId}']");

    // Waits for the second browser to show a step and reports how long it took (the 2 s budget is a figure, not an assertion).
    private async Task Seen(string step, Func<Task> expectation)
    {
        var clock = Stopwatch.StartNew();
        await expectation();
        output.WriteLine($"second browser saw '{step}' after {clock.ElapsedMilliseconds} ms");
    }
}
