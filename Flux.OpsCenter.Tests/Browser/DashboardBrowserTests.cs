using System.Globalization;
using Flux.OpsCenter.Tests.Support;
using Microsoft.Playwright;

namespace Flux.OpsCenter.Tests.Browser;

/// <summary>The map, drill-downs and lists in Chromium over the small territory; each test leaves a screenshot.</summary>
public sealed class DashboardBrowserTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task Overview_map_draws_the_territory_from_the_index()
    {
        var page = await app.OpenAsync("/");
        var errors = CollectErrors(page);
        var map = page.GetByTestId("grid-map");

        await Assertions.Expect(map).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 20_000 });

        var substations = Sql("SELECT COUNT(*) FROM PRODUCTION.SUBSTATIONS");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-layer-substations", $"points:{substations}");
        Assert.True(int.Parse(await map.GetAttributeAsync("data-features") ?? "0", CultureInfo.InvariantCulture) > substations);
        Assert.StartsWith("lines:", await map.GetAttributeAsync("data-layer-feeders"), StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("map-layer-substations")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("circuit-row").First).ToBeVisibleAsync();
        // The Overview lists the worst 20 live; the rest are one link away.
        var circuits = Sql("SELECT COUNT(*) FROM PRODUCTION.CIRCUIT_METADATA");
        Assert.Equal(Math.Min(20, circuits), await page.GetByTestId("circuit-row").CountAsync());
        await Assertions.Expect(page.GetByTestId("circuit-status-all")).ToHaveTextAsync($"All {circuits:N0} feeders →");
        await Assertions.Expect(page.GetByTestId("circuit-status-all")).ToHaveAttributeAsync("href", "/feeders");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task With_no_tile_url_the_map_draws_the_built_in_basemap_under_the_grid()
    {
        var page = await app.OpenAsync("/map");
        var errors = CollectErrors(page);
        var map = page.GetByTestId("grid-map");

        await Assertions.Expect(map).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 20_000 });
        await Assertions.Expect(map).ToHaveAttributeAsync("data-basemap", "built-in");
        await Assertions.Expect(map.Locator(".flux-basemap path.flux-basemap-land").First).ToBeAttachedAsync(new() { Timeout = 20_000 });
        Assert.True(await map.Locator(".flux-basemap path.flux-basemap-county").CountAsync() >= 1);
        // Land in the theme's line colour covers much of the view: the map is not a blank background with dots.
        var land = await MapPixels.FractionOfColourAsync(page, map, BasemapLand);
        Assert.True(land > 0.2, $"land covers {land:P0} of the map");
        Assert.Equal(0, await map.Locator(".leaflet-tile").CountAsync());
        await app.ScreenshotAsync(page, "map-built-in-basemap");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task Zooming_in_reveals_individual_transformers_and_then_meters()
    {
        var transformer = Text("SELECT MIN(TRANSFORMER_ID) FROM PRODUCTION.METER_INFRASTRUCTURE");
        var page = await app.OpenAsync("/map");
        var errors = CollectErrors(page);
        var map = page.GetByTestId("grid-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 20_000 });
        Assert.StartsWith("clusters:", await map.GetAttributeAsync("data-layer-transformers"), StringComparison.Ordinal);

        // Centre on a transformer with meters, then step out to street-block zoom and back in with the zoom control.
        await SearchAsync(page, transformer);
        await WaitForZoomAsync(map, 16);
        for (var zoom = 15; zoom >= 12; zoom--)
        {
            await page.Locator(".leaflet-control-zoom-out").ClickAsync();
            await WaitForZoomAsync(map, zoom);
        }

        Assert.StartsWith("clusters:", await map.GetAttributeAsync("data-layer-transformers"), StringComparison.Ordinal);
        await ZoomInAsync(page, map, 13);
        await ZoomInAsync(page, map, 14);
        Assert.Matches("^points:[1-9]", await map.GetAttributeAsync("data-layer-transformers"));
        Assert.StartsWith("clusters:", await map.GetAttributeAsync("data-layer-meters"), StringComparison.Ordinal);
        await app.ScreenshotAsync(page, "map-transformers");
        await ZoomInAsync(page, map, 15);
        await ZoomInAsync(page, map, 16);
        Assert.Matches("^points:[1-9]", await map.GetAttributeAsync("data-layer-meters"));
        await app.ScreenshotAsync(page, "map-meters");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task Searching_a_meter_id_flies_to_it_and_opens_its_card()
    {
        var meter = Text("SELECT MAX(METER_ID) FROM PRODUCTION.METER_INFRASTRUCTURE");
        var page = await app.OpenAsync("/map");
        var errors = CollectErrors(page);
        var map = page.GetByTestId("grid-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 20_000 });

        await SearchAsync(page, meter.ToLowerInvariant());

        await WaitForZoomAsync(map, 17);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-selected", meter);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-selected-drawn", "true");
        await Assertions.Expect(page.GetByTestId("asset-card-id")).ToHaveTextAsync(meter);
        await app.ScreenshotAsync(page, "map-search-meter");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task Clicking_a_substation_on_the_map_opens_its_drill_down()
    {
        var substation = Text("SELECT MIN(SUBSTATION_ID) FROM PRODUCTION.SUBSTATIONS");
        var page = await app.OpenAsync("/map");
        var errors = CollectErrors(page);
        var map = page.GetByTestId("grid-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 20_000 });
        await SearchAsync(page, substation);
        await WaitForZoomAsync(map, 14);
        await page.GetByLabel("Close asset card").ClickAsync();
        await Assertions.Expect(page.GetByTestId("asset-card")).ToHaveCountAsync(0);

        // The search centred the map on the substation: click the middle of the map.
        var box = (await map.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await Assertions.Expect(page.GetByTestId("asset-card-id")).ToHaveTextAsync(substation);
        await page.GetByTestId("asset-card-open").ClickAsync();

        await page.WaitForURLAsync($"**/substations/{substation}");
        await Assertions.Expect(page.GetByTestId("substation-title")).ToContainTextAsync(substation);
        await Assertions.Expect(page.GetByTestId("substation-feeder-row").First).ToBeVisibleAsync();
        Assert.Equal(Sql($"SELECT COUNT(*) FROM PRODUCTION.CIRCUIT_METADATA WHERE SUBSTATION_ID = '{substation}'"), await page.GetByTestId("substation-feeder-row").CountAsync());
        await Assertions.Expect(page.GetByTestId("substation-load-value")).ToHaveTextAsync(
            ViewQueries.Double(app.Factory.DatabasePath, $"SELECT CURRENT_LOAD_MW FROM APPLICATIONS.FLUX_OPS_CENTER_TOPOLOGY_METRO WHERE SUBSTATION_ID = '{substation}'").ToString("N1", CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("grid-map")).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 20_000 });
        await app.ScreenshotAsync(page, "substation");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task Feeder_page_shows_its_fourteen_day_load_curve()
    {
        var feeder = Text("SELECT MIN(CIRCUIT_ID) FROM PRODUCTION.CIRCUIT_METADATA");
        var hours = Sql($"""
            SELECT COUNT(*) FROM PRODUCTION.FEEDER_HOURLY_LOAD
            WHERE CIRCUIT_ID = '{feeder}' AND LOAD_HOUR > (SELECT MAX(LOAD_HOUR) FROM PRODUCTION.FEEDER_HOURLY_LOAD) - INTERVAL '14 days'
            """);
        var page = await app.OpenAsync($"/feeders/{feeder}");
        var errors = CollectErrors(page);

        var chart = page.GetByTestId("feeder-load-chart");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-points", hours.ToString(CultureInfo.InvariantCulture), new() { Timeout = 20_000 });
        await Assertions.Expect(chart.Locator(".apexcharts-series path").First).ToBeAttachedAsync();
        await Assertions.Expect(page.GetByTestId("transformer-id")).ToHaveCountAsync((int)Sql($"SELECT COUNT(*) FROM PRODUCTION.TRANSFORMER_METADATA WHERE CIRCUIT_ID = '{feeder}'"));
        await Assertions.Expect(page.GetByTestId("feeder-tie")).ToContainTextAsync(Text($"SELECT TIE_CIRCUIT_ID FROM PRODUCTION.CIRCUIT_METADATA WHERE CIRCUIT_ID = '{feeder}'"));
        await Assertions.Expect(page.GetByTestId("grid-map")).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 20_000 });
        await app.ScreenshotAsync(page, "feeder");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task Feeder_and_substation_lists_page_on_the_server()
    {
        var page = await app.OpenAsync("/feeders");
        var errors = CollectErrors(page);
        await Assertions.Expect(page.GetByTestId("feeder-link")).ToHaveCountAsync((int)Math.Min(25, Sql("SELECT COUNT(*) FROM PRODUCTION.CIRCUIT_METADATA")));
        await app.ScreenshotAsync(page, "feeders");

        await page.GotoAsync(new Uri(app.BaseAddress, "/substations").ToString());
        await Assertions.Expect(page.GetByTestId("substation-link")).ToHaveCountAsync((int)Math.Min(25, Sql("SELECT COUNT(*) FROM PRODUCTION.SUBSTATIONS")));
        await app.ScreenshotAsync(page, "substations");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static string BasemapLand => Flux.OpsCenter.Web.Components.Layout.OpsCenterTheme.Theme.PaletteDark.LinesDefault.ToString(MudBlazor.Utilities.MudColorOutputFormats.Hex);

    private static List<string> CollectErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{message.Text} @ {message.Location}");
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }

    private static async Task SearchAsync(IPage page, string text)
    {
        var box = page.GetByTestId("map-search");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    private static async Task ZoomInAsync(IPage page, ILocator map, int zoom)
    {
        await page.Locator(".leaflet-control-zoom-in").ClickAsync();
        await WaitForZoomAsync(map, zoom);
    }

    private static async Task WaitForZoomAsync(ILocator map, int zoom)
    {
        await Assertions.Expect(map).ToHaveAttributeAsync("data-zoom", zoom.ToString(CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
        await Assertions.Expect(map).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 15_000 });
    }

    private long Sql(string sql) => ViewQueries.Long(app.Factory.DatabasePath, sql);

    private string Text(string sql) => Convert.ToString(ViewQueries.Scalar(app.Factory.DatabasePath, sql), CultureInfo.InvariantCulture)!;
}
