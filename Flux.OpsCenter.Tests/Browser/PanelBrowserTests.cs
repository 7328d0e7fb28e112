using System.Globalization;
using Flux.OpsCenter.Tests.Support;
using Microsoft.Playwright;

namespace Flux.OpsCenter.Tests.Browser;

/// <summary>Every page at the two screen sizes the control room uses: each panel leaves loading for ready, none fails.</summary>
public sealed class PanelBrowserTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private static readonly (int Width, int Height)[] Screens = [(1366, 768), (1920, 1080)];

    [Theory]
    [InlineData("overview", "/")]
    [InlineData("map", "/map")]
    [InlineData("feeders", "/feeders")]
    [InlineData("feeder", "/feeders/{feeder}")]
    [InlineData("substations", "/substations")]
    [InlineData("substation", "/substations/{substation}")]
    [InlineData("outages", "/outages")]
    [InlineData("reliability", "/reliability")]
    [InlineData("work-orders", "/work-orders")]
    [InlineData("cascade", "/cascade")]
    [InlineData("wall", "/wall")]
    public async Task Every_panel_of_the_page_gets_ready_at_both_screen_sizes(string name, string path)
    {
        path = path
            .Replace("{feeder}", Text("SELECT MIN(CIRCUIT_ID) FROM PRODUCTION.CIRCUIT_METADATA WHERE TIE_CIRCUIT_ID IS NOT NULL"), StringComparison.Ordinal)
            .Replace("{substation}", Text("SELECT MIN(SUBSTATION_ID) FROM PRODUCTION.SUBSTATIONS"), StringComparison.Ordinal);
        foreach (var (width, height) in Screens)
        {
            var page = await app.OpenAsync(path, width, height);

            // Panels and the map carry data-state; a page is settled when none is loading any more.
            await Assertions.Expect(page.Locator("[data-state=loading]")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
            Assert.Equal(0, await page.Locator("[data-state=failed], [data-testid=page-error]").CountAsync());
            Assert.True(await page.Locator("[data-state=ready]").CountAsync() > 0, $"{path} shows no panel");
            await app.ScreenshotAsync(page, $"panels-{name}-{width}x{height}");
            await page.CloseAsync();
        }
    }

    private string Text(string sql) => Convert.ToString(ViewQueries.Scalar(app.Factory.DatabasePath, sql), CultureInfo.InvariantCulture)!;
}
