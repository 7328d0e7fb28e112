using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Flux.OpsCenter.Tests.Browser;

public sealed class CascadeBrowserTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task Running_a_preset_shows_its_waves_and_tiles_that_match_the_api()
    {
        var page = await app.OpenAsync("/cascade", height: 1400);

        await page.GetByTestId("run-cascade").ClickAsync();
        await Assertions.Expect(page.GetByTestId("tile-customers-value")).ToBeVisibleAsync();

        // Protection bounds a distribution cascade (docs/cascade-model.md): a run may stop at wave 0, the station and
        // the feeders it strands, which the map shows in that same wave.
        var waves = await page.Locator("[data-testid^='wave-dot-']").CountAsync();
        Assert.True(waves >= 1, "No wave on the map.");
        Assert.True(await page.Locator("svg circle[data-wave='0']").CountAsync() > 1);
        var patientZero = (await page.GetByTestId("tile-patient-zero-value").InnerTextAsync()).Trim();
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var response = await client.PostAsJsonAsync("/api/cascade/simulate", new { scenario = "WINTER_STORM_URI", patientZeroId = patientZero }, TestContext.Current.CancellationToken);
        var result = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("result");

        await Assertions.Expect(page.GetByTestId("tile-customers-value")).ToHaveTextAsync(result.GetProperty("customersAffected").GetInt32().ToString("N0", CultureInfo.CurrentCulture));
        await Assertions.Expect(page.GetByTestId("tile-failed-value")).ToHaveTextAsync(result.GetProperty("failedNodes").GetInt32().ToString("N0", CultureInfo.CurrentCulture));
        await Assertions.Expect(page.GetByTestId("tile-mw-value")).ToHaveTextAsync(result.GetProperty("lostLoadMw").GetDouble().ToString("N1", CultureInfo.CurrentCulture));
        await Assertions.Expect(page.GetByTestId("tile-waves-value")).ToHaveTextAsync(result.GetProperty("waves").GetArrayLength().ToString(CultureInfo.InvariantCulture));
        Assert.Equal(result.GetProperty("waves").GetArrayLength(), waves);
        await app.ScreenshotAsync(page, "cascade");
    }

    [Fact]
    public async Task An_unknown_patient_zero_is_a_field_error()
    {
        var page = await app.OpenAsync("/cascade");

        var input = page.Locator("input[data-testid='patient-zero'], [data-testid='patient-zero'] input").First;
        await input.FillAsync("NOT-A-NODE");
        await input.PressAsync("Tab");
        await page.GetByTestId("run-cascade").ClickAsync();

        await Assertions.Expect(page.GetByText("Node 'NOT-A-NODE' is not in the grid graph.")).ToBeVisibleAsync();
    }
}
