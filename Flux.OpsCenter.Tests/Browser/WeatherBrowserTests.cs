using Microsoft.Playwright;

namespace Flux.OpsCenter.Tests.Browser;

public sealed class WeatherBrowserTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task Playing_the_timeline_for_24_hours_changes_the_overlay_hour_by_hour()
    {
        var page = await app.OpenAsync("/map", 1366, 768);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        var map = page.GetByTestId("grid-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 30_000 });

        await page.GetByTestId("map-layer-weather").CheckAsync();

        await Assertions.Expect(map).ToHaveAttributeAsync("data-weather", "ready", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByText("Weather 10")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var latest = DateTimeOffset.Parse((await map.GetAttributeAsync("data-weather-hour"))!, System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByTestId("weather-back-day").ClickAsync();
        await page.GetByTestId("weather-back-day").ClickAsync();
        var start = latest.AddHours(-48);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-weather-hour", Iso(start), new() { Timeout = 30_000 });
        var startSignature = await map.GetAttributeAsync("data-weather-signature");
        var startLabel = await page.GetByTestId("weather-time").TextContentAsync();
        var startDraws = int.Parse((await map.GetAttributeAsync("data-weather-draws"))!, System.Globalization.CultureInfo.InvariantCulture);
        await app.ScreenshotAsync(page, "map-weather-1366");

        await page.GetByTestId("weather-speed").SelectOptionAsync("24");
        await page.GetByTestId("weather-play").ClickAsync();
        await page.WaitForFunctionAsync(
            "([target]) => { const h = document.querySelector('[data-testid=grid-map]').dataset.weatherHour; return h && Date.parse(h) >= Date.parse(target); }",
            new object[] { Iso(start.AddHours(24)) }, new() { Timeout = 60_000 });
        await page.GetByTestId("weather-play").ClickAsync();

        await Assertions.Expect(map).ToHaveAttributeAsync("data-weather-playing", "false");
        var end = DateTimeOffset.Parse((await map.GetAttributeAsync("data-weather-hour"))!, System.Globalization.CultureInfo.InvariantCulture);
        var draws = int.Parse((await map.GetAttributeAsync("data-weather-draws"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(end >= start.AddHours(24), $"played to {end:O}");
        // Every hour on the way was drawn, not skipped: play asks for the next hour only once the last is on the map.
        Assert.True(draws - startDraws >= 24, $"{draws - startDraws} hours drawn");
        Assert.NotEqual(startSignature, await map.GetAttributeAsync("data-weather-signature"));
        Assert.NotEqual(startLabel, await page.GetByTestId("weather-time").TextContentAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_weather_overlay_at_1920_by_1080_with_the_wind_field()
    {
        var page = await app.OpenAsync("/map", 1920, 1080);
        var map = page.GetByTestId("grid-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 30_000 });
        await page.GetByTestId("map-layer-weather").CheckAsync();
        await Assertions.Expect(map).ToHaveAttributeAsync("data-weather", "ready", new() { Timeout = 30_000 });
        var temperature = await map.GetAttributeAsync("data-weather-signature");
        // Out to the stations around the territory (the small test territory sits between a few of them).
        await page.Locator(".leaflet-control-zoom-out").ClickAsync();
        await page.Locator(".leaflet-control-zoom-out").ClickAsync();
        await Assertions.Expect(map).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 30_000 });
        await app.ScreenshotAsync(page, "map-weather-1920");

        await page.GetByTestId("weather-quantity").SelectOptionAsync("wind");

        await Assertions.Expect(map).Not.ToHaveAttributeAsync("data-weather-signature", temperature!, new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("weather-timeline")).ToContainTextAsync("mph");
        await app.ScreenshotAsync(page, "map-weather-wind-1920");

        await page.GetByTestId("map-layer-weather").UncheckAsync();
        await Assertions.Expect(page.GetByTestId("weather-timeline")).ToHaveCountAsync(0);
        await Assertions.Expect(map).Not.ToHaveAttributeAsync("data-weather", "ready");
    }

    private static string Iso(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", System.Globalization.CultureInfo.InvariantCulture);
}
