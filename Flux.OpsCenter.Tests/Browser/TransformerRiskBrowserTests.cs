using System.Globalization;
using System.Text.RegularExpressions;
using Flux.OpsCenter.Tests.Support;
using Microsoft.Playwright;

namespace Flux.OpsCenter.Tests.Browser;

/// <summary>The trained model's transformer risk where operators meet it: the substation page, the fleet list and the map layer.</summary>
public sealed partial class TransformerRiskBrowserTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task The_substation_pages_risk_list_is_ordered_by_probability()
    {
        // The substation of the fleet's riskiest transformer, so its list ranks some clear risks above the rest of its units.
        var substation = Text("""
            SELECT t.SUBSTATION_ID FROM ML_DEMO.V_TRANSFORMER_ML_INFERENCE r JOIN PRODUCTION.TRANSFORMER_METADATA t ON t.TRANSFORMER_ID = r.TRANSFORMER_ID
            ORDER BY r.FAILURE_PROBABILITY DESC, t.TRANSFORMER_ID LIMIT 1
            """);
        var expected = ViewQueries.Column(app.Factory.DatabasePath, $"""
            SELECT r.TRANSFORMER_ID FROM ML_DEMO.V_TRANSFORMER_ML_INFERENCE r
            JOIN APPLICATIONS.FLUX_OPS_CENTER_TOPOLOGY_NODES n ON n.ASSET_ID = r.TRANSFORMER_ID AND n.ASSET_TYPE = 'TRANSFORMER'
            WHERE n.SUBSTATION_ID = '{substation}'
            ORDER BY r.FAILURE_PROBABILITY DESC, n.CUSTOMERS DESC, r.TRANSFORMER_ID LIMIT 25
            """);
        var page = await app.OpenAsync($"/substations/{substation}");
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        var panel = page.GetByTestId("substation-risk-panel");
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 30_000 });
        await Assertions.Expect(panel.GetByTestId("transformer-id")).ToHaveCountAsync(expected.Count, new() { Timeout = 30_000 });

        var ids = await panel.GetByTestId("transformer-id").AllInnerTextsAsync();
        var probabilities = (await panel.GetByTestId("transformer-risk").AllInnerTextsAsync())
            .Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(expected, ids.Select(i => i.Trim()));
        Assert.Equal(probabilities.OrderByDescending(p => p), probabilities);
        Assert.True(probabilities[0] > probabilities[^1], "every transformer of the list has the same probability: nothing is ranked");
        await Assertions.Expect(panel.GetByTestId("transformer-drivers").First).ToHaveTextAsync(DriverText());
        await app.ScreenshotAsync(page, "substation-transformer-risk");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_fleet_list_and_the_map_layer_show_the_stored_scores()
    {
        var riskiest = Text("""
            SELECT r.TRANSFORMER_ID FROM ML_DEMO.V_TRANSFORMER_ML_INFERENCE r
            JOIN APPLICATIONS.FLUX_OPS_CENTER_TOPOLOGY_NODES n ON n.ASSET_ID = r.TRANSFORMER_ID AND n.ASSET_TYPE = 'TRANSFORMER'
            ORDER BY r.FAILURE_PROBABILITY DESC, n.CUSTOMERS DESC, r.TRANSFORMER_ID LIMIT 1
            """);
        var page = await app.OpenAsync("/transformer-risk");
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await Assertions.Expect(page.GetByTestId("transformer-risk-list")).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("transformer-risk-table").Locator("tbody tr").First).ToContainTextAsync(riskiest);
        await Assertions.Expect(page.GetByTestId("transformer-risk-metrics")).ToContainTextAsync("AUC");
        await app.ScreenshotAsync(page, "transformer-risk-fleet");

        await page.GotoAsync(new Uri(app.BaseAddress, "/map").ToString());
        var map = page.GetByTestId("grid-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 30_000 });
        // Off by default: the layer loads its module and data only when switched on.
        Assert.Null(await map.GetAttributeAsync("data-risk"));
        await page.GetByTestId("map-layer-risk").CheckAsync();
        await Assertions.Expect(map).ToHaveAttributeAsync("data-risk", "ready", new() { Timeout = 30_000 });
        var aboveLow = Sql("SELECT COUNT(*) FROM ML_DEMO.V_TRANSFORMER_ML_INFERENCE WHERE RISK_CATEGORY <> 'LOW'");
        Assert.InRange(long.Parse((await map.GetAttributeAsync("data-risk-transformers"))!, CultureInfo.InvariantCulture), 1, aboveLow);
        await Assertions.Expect(page.GetByTestId("risk-count-low")).ToHaveTextAsync(new Regex(@"^Low [1-9][\d,]*$"));
        await app.ScreenshotAsync(page, "map-transformer-risk");
        Assert.Empty(errors);
    }

    [GeneratedRegex(@"^[a-z ]+(, [a-z ]+){0,2}$")]
    private static partial Regex DriverText();

    private long Sql(string sql) => ViewQueries.Long(app.Factory.DatabasePath, sql);

    private string Text(string sql) => Convert.ToString(ViewQueries.Scalar(app.Factory.DatabasePath, sql), CultureInfo.InvariantCulture)!;
}
