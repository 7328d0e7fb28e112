using System.Diagnostics;
using System.Globalization;
using Flux.OpsCenter.Tests.Support;
using Microsoft.Playwright;

namespace Flux.OpsCenter.Tests.Browser;

/// <summary>An operator finds a breaker, builds a two-step transfer, checks it, runs it, and another open map follows.</summary>
public sealed class SwitchingBrowserTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task A_two_step_plan_is_composed_checked_saved_and_run_and_a_second_browser_sees_the_tie_close()
    {
        var tie = Text("""
            SELECT MIN(d.DEVICE_ID) FROM PRODUCTION.SWITCHING_DEVICES d
            WHERE d.DEVICE_TYPE = 'TIE' AND d.CURRENT_STATE = 'OPEN'
              AND NOT EXISTS (SELECT 1 FROM PRODUCTION.SWITCHING_DEVICES o
                              WHERE o.CIRCUIT_ID IN (d.CIRCUIT_ID, d.TIE_CIRCUIT_ID) AND o.DEVICE_TYPE <> 'TIE' AND o.CURRENT_STATE = 'OPEN')
            """);
        var sectionalizer = Text($"SELECT TIE_PARENT_DEVICE_ID FROM PRODUCTION.SWITCHING_DEVICES WHERE DEVICE_ID = '{tie}'");
        var breaker = Text($"SELECT DEVICE_ID FROM PRODUCTION.SWITCHING_DEVICES WHERE DEVICE_TYPE = 'BREAKER' AND CIRCUIT_ID = (SELECT CIRCUIT_ID FROM PRODUCTION.SWITCHING_DEVICES WHERE DEVICE_ID = '{sectionalizer}')");

        // The second browser: a map on the tie, which is open.
        var watcher = await app.OpenAsync("/map", 1366, 768);
        var map = watcher.GetByTestId("grid-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 30_000 });
        await SearchAsync(watcher, breaker);
        await Assertions.Expect(watcher.GetByTestId("asset-card-id")).ToHaveTextAsync(breaker, new() { Timeout = 30_000 });
        await watcher.GetByTestId("asset-card-trace-downstream").ClickAsync();
        await Assertions.Expect(map).ToHaveAttributeAsync("data-trace", new System.Text.RegularExpressions.Regex("^downstream:[1-9]"), new() { Timeout = 30_000 });
        await Assertions.Expect(watcher.GetByTestId("asset-card-trace")).ToContainTextAsync(
            $"Downstream: {FedCustomers(breaker):N0} customers", new() { Timeout = 30_000 });
        await app.ScreenshotAsync(watcher, "map-trace-downstream-1366");
        await SearchAsync(watcher, tie);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-selected", tie, new() { Timeout = 30_000 });
        await Assertions.Expect(map).ToHaveAttributeAsync("data-selected-status", "open", new() { Timeout = 30_000 });

        var page = await app.OpenAsync("/switching", 1366, 768);
        await page.GetByTestId("plan-name").Locator("input").FillAsync("Transfer for maintenance");
        await page.GetByTestId("plan-step-1").Locator("input").FillAsync(sectionalizer);
        await page.GetByTestId("plan-step-2-action").SelectOptionAsync("Close");
        await page.GetByTestId("plan-step-2").Locator("input").FillAsync(tie);
        await page.GetByTestId("plan-study").ClickAsync();

        var checkedSteps = page.GetByTestId("plan-study-result-step");
        await Assertions.Expect(checkedSteps).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Assertions.Expect(checkedSteps.Nth(0)).ToHaveAttributeAsync("data-outcome", "warning");
        await Assertions.Expect(checkedSteps.Nth(0)).ToContainTextAsync("De-energises");
        await Assertions.Expect(checkedSteps.Nth(1)).ToHaveAttributeAsync("data-outcome", "ok");
        await Assertions.Expect(checkedSteps.Nth(1)).ToContainTextAsync("Restores");

        await page.GetByTestId("plan-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-compose-message")).ToContainTextAsync("Saved as", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("plan-status")).ToHaveAttributeAsync("data-status", "PLANNED", new() { Timeout = 30_000 });
        await app.ScreenshotAsync(page, "switching-plan-1366");
        var ran = Stopwatch.StartNew();
        await page.GetByTestId("plan-run").ClickAsync();

        await Assertions.Expect(page.GetByTestId("plan-status")).ToHaveAttributeAsync("data-status", "COMPLETED", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("plan-step-row").Nth(1)).ToHaveAttributeAsync("data-status", "DONE");
        await Assertions.Expect(map).Not.ToHaveAttributeAsync("data-selected-status", "open", new() { Timeout = 30_000 });
        TestContext.Current.SendDiagnosticMessage($"Second browser saw the tie close {ran.ElapsedMilliseconds} ms after Run was clicked.");
        Assert.Equal("CLOSED", Text($"SELECT CURRENT_STATE FROM PRODUCTION.SWITCHING_DEVICES WHERE DEVICE_ID = '{tie}'"));
        await page.SetViewportSizeAsync(1920, 1080);
        await app.ScreenshotAsync(page, "switching-plan-1920");
        await app.ScreenshotAsync(watcher, "switching-map-after-transfer");
    }

    private static async Task SearchAsync(IPage page, string text)
    {
        var box = page.GetByTestId("map-search");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    /// <summary>ACTIVE customers behind a breaker with every device on its feeder closed (the feeder this test picks has none open).</summary>
    private long FedCustomers(string breaker) => ViewQueries.Long(app.Factory.DatabasePath, $"""
        SELECT COUNT(*) FROM PRODUCTION.CUSTOMERS_MASTER_DATA c JOIN PRODUCTION.TRANSFORMER_METADATA t ON t.TRANSFORMER_ID = c.TRANSFORMER_ID
        WHERE t.BREAKER_ID = '{breaker}' AND c.ACCOUNT_STATUS = 'ACTIVE' AND c.CUSTOMER_SEGMENT IN ('RESIDENTIAL', 'COMMERCIAL', 'INDUSTRIAL')
        """);

    private string Text(string sql) => Convert.ToString(ViewQueries.Scalar(app.Factory.DatabasePath, sql), CultureInfo.InvariantCulture)!;
}
