using Flux.OpsCenter.Tests.Support;
using Microsoft.Playwright;

namespace Flux.OpsCenter.Tests.Browser;

public sealed class ReliabilityBrowserTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task Reliability_page_shows_the_twelve_month_saidi_of_the_overview_tile()
    {
        var overview = await app.OpenAsync("/");
        var tile = overview.GetByTestId("kpi-saidi-value");
        await Assertions.Expect(tile).Not.ToBeEmptyAsync();
        var tileText = await tile.InnerTextAsync();
        await overview.CloseAsync();

        var errors = new List<string>();
        var page = await app.OpenAsync("/reliability", height: 2200);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await Assertions.Expect(page.GetByTestId("reliability-saidi-value")).ToHaveTextAsync(tileText);
        await Assertions.Expect(page.GetByTestId("reliability-threshold")).ToContainTextAsync("T_MED");
        await Assertions.Expect(page.GetByTestId("worst-feeders-table")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("reliability-comparison-table")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("reliability-monthly-table")).ToBeVisibleAsync();
        await app.ScreenshotAsync(page, "reliability");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Exporting_the_worst_feeders_downloads_the_rows_on_screen()
    {
        var page = await app.OpenAsync("/reliability");
        var rows = page.Locator("[data-testid=worst-feeders-table] tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var shown = new List<string[]>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            shown.Add([.. await rows.Nth(i).Locator("td").AllInnerTextsAsync()]);
        }

        var headers = await page.Locator("[data-testid=worst-feeders-table] thead th").AllInnerTextsAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("worst-feeders-export").ClickAsync());
        var records = CsvReader.Parse(await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken));

        Assert.Equal("worst-feeders.csv", download.SuggestedFilename);
        Assert.Equal(headers, records[0]);
        Assert.True(shown.Count > 0);
        Assert.Equal(shown, records.Skip(1).ToList());
    }

    [Fact]
    public async Task Bad_scope_shows_a_field_error_and_keeps_the_page_alive()
    {
        var page = await app.OpenAsync("/reliability?scope=feeder:FDR-NOPE");

        await Assertions.Expect(page.GetByText("No feeder 'FDR-NOPE' in this territory.")).ToBeVisibleAsync();
        await page.GetByTestId("reliability-scope").FillAsync("system");
        await page.GetByTestId("reliability-apply").ClickAsync();
        await Assertions.Expect(page.GetByTestId("reliability-saidi-value")).Not.ToBeEmptyAsync();
    }

    [Fact]
    public async Task Outages_page_lists_the_active_outages_and_pages_the_history()
    {
        var active = ViewQueries.Long(app.Factory.DatabasePath, "SELECT COUNT(*) FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE OUTAGE_END_TIME IS NULL");

        var page = await app.OpenAsync("/outages", height: 1800);

        await Assertions.Expect(page.GetByTestId("outage-row")).ToHaveCountAsync((int)active);
        await Assertions.Expect(page.Locator("[data-testid=outage-history-grid] tbody tr").First).ToBeVisibleAsync();
        // Every active outage is drawn as an area on the map, which frames them and still draws the grid beneath.
        var map = page.GetByTestId("outage-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 20_000 });
        await Assertions.Expect(map).ToHaveAttributeAsync("data-markers", active.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await app.ScreenshotAsync(page, "outages");

        await page.Locator("[data-testid=outage-row] a").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("work-orders-outage")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("outage-work-orders-table")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=crews-table] tbody tr").First).ToBeVisibleAsync();
        await app.ScreenshotAsync(page, "work-orders");
    }
}
