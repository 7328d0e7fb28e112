using Microsoft.Playwright;

namespace Flux.OpsCenter.Tests.Browser;

public sealed class VegetationBrowserTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(1920, 1080)]
    public async Task Filtering_to_high_and_opening_a_tree_draws_its_fall_zone_and_lists_what_it_threatens(int width, int height)
    {
        var page = await app.OpenAsync("/map", width, height);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        var map = page.GetByTestId("grid-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 30_000 });

        await page.GetByTestId("map-layer-vegetation").CheckAsync();

        await Assertions.Expect(map).ToHaveAttributeAsync("data-vegetation", "ready", new() { Timeout = 30_000 });
        // High only by default; the other bands are counted but not drawn.
        await Assertions.Expect(map).ToHaveAttributeAsync("data-vegetation-bands", "HIGH");
        await Assertions.Expect(page.GetByTestId("vegetation-count-high")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^High [1-9][\d,]*$"));
        await Assertions.Expect(page.GetByTestId("vegetation-count-low")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Low \d"));
        await page.GetByTestId("vegetation-band-medium").CheckAsync();
        await Assertions.Expect(map).ToHaveAttributeAsync("data-vegetation-bands", "HIGH,MEDIUM");
        await page.GetByTestId("vegetation-band-medium").UncheckAsync();
        await Assertions.Expect(map).ToHaveAttributeAsync("data-vegetation-bands", "HIGH");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-vegetation", "ready", new() { Timeout = 30_000 });

        // Open the riskiest tree in view the way an operator does: click it on the map.
        var point = (await map.GetAttributeAsync("data-vegetation-first-point"))!.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var canvas = (await page.Locator("[data-testid=grid-map] .flux-map-canvas").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync((float)(canvas.X + point[0]), (float)(canvas.Y + point[1]));

        await Assertions.Expect(map).ToHaveAttributeAsync("data-vegetation-selected", new System.Text.RegularExpressions.Regex(".+"), new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("vegetation-card")).ToContainTextAsync("fall zone");
        await Assertions.Expect(page.GetByTestId("vegetation-card")).ToContainTextAsync("within 100 m");
        await app.ScreenshotAsync(page, $"map-vegetation-{width}");

        // The asset card of a transformer or pole near that tree lists it among the trees within 100 m.
        var tree = await map.GetAttributeAsync("data-vegetation-selected");
        var asset = await map.GetAttributeAsync("data-vegetation-nearest-asset");
        Assert.False(string.IsNullOrEmpty(asset), "The riskiest tree in view has no transformer or pole within 100 m.");
        var search = page.GetByTestId("map-search");
        await search.FillAsync(asset);
        await search.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("asset-card-id")).ToHaveTextAsync(asset, new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("asset-card-trees")).ToContainTextAsync(tree!, new() { Timeout = 30_000 });

        Assert.Empty(errors);
    }
}
