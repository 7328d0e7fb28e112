using System.Globalization;
using Flux.OpsCenter.Tests.Support;
using Microsoft.Playwright;

namespace Flux.OpsCenter.Tests.Browser;

public sealed class NetworkBrowserTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task Searching_a_breaker_id_shows_it_on_the_device_layer_with_its_card()
    {
        var breaker = Text("SELECT MIN(DEVICE_ID) FROM PRODUCTION.SWITCHING_DEVICES WHERE DEVICE_TYPE = 'BREAKER' AND CURRENT_STATE = 'CLOSED'");
        var customers = Sql($"""
            SELECT COUNT(*) FROM PRODUCTION.CUSTOMERS_MASTER_DATA c JOIN PRODUCTION.TRANSFORMER_METADATA t ON t.TRANSFORMER_ID = c.TRANSFORMER_ID
            WHERE t.BREAKER_ID = '{breaker}' AND c.ACCOUNT_STATUS = 'ACTIVE'
              AND NOT EXISTS (SELECT 1 FROM PRODUCTION.SWITCHING_DEVICES o WHERE o.CURRENT_STATE = 'OPEN' AND o.DEVICE_ID IN (t.RECLOSER_ID, t.FUSE_ID))
            """);
        var page = await app.OpenAsync("/map");
        var errors = CollectErrors(page);
        var map = page.GetByTestId("grid-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 20_000 });

        await SearchAsync(page, breaker);

        await WaitForZoomAsync(map, 17);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-selected", breaker);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-selected-drawn", "true");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-selected-status", "energized");
        Assert.Matches("^points:[1-9]", await map.GetAttributeAsync("data-layer-devices"));
        await Assertions.Expect(page.GetByTestId("asset-card-id")).ToHaveTextAsync(breaker);
        await Assertions.Expect(page.GetByTestId("asset-card-state")).ToContainTextAsync("CLOSED");
        await Assertions.Expect(page.GetByTestId("asset-card-customers")).ToContainTextAsync(customers.ToString("N0", CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("map-legend-open")).ToBeVisibleAsync();
        await app.ScreenshotAsync(page, "map-search-breaker");

        var tie = Text("SELECT MIN(DEVICE_ID) FROM PRODUCTION.SWITCHING_DEVICES WHERE DEVICE_TYPE = 'TIE'");
        await SearchAsync(page, tie);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-selected", tie);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-selected-status", "open", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("asset-card-state")).ToContainTextAsync("OPEN (normally open)");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task A_device_name_is_searchable()
    {
        var name = Text("SELECT DEVICE_NAME FROM PRODUCTION.SWITCHING_DEVICES WHERE DEVICE_TYPE = 'SECTIONALIZER' ORDER BY DEVICE_ID LIMIT 1");
        var id = Text($"SELECT DEVICE_ID FROM PRODUCTION.SWITCHING_DEVICES WHERE DEVICE_NAME = '{name}'");
        var page = await app.OpenAsync("/map");
        var map = page.GetByTestId("grid-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 20_000 });

        await SearchAsync(page, name.ToUpperInvariant());

        await Assertions.Expect(page.GetByTestId("asset-card-id")).ToHaveTextAsync(id, new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task A_map_link_to_a_customer_opens_the_customer_card_with_account_address_class_and_critical_care()
    {
        var customer = Text("SELECT MIN(CUSTOMER_ID) FROM PRODUCTION.CUSTOMERS_MASTER_DATA WHERE IS_CRITICAL_CARE AND ACCOUNT_STATUS = 'ACTIVE'");
        var name = Text($"SELECT FULL_NAME FROM PRODUCTION.CUSTOMERS_MASTER_DATA WHERE CUSTOMER_ID = '{customer}'");
        var address = Text($"SELECT SERVICE_ADDRESS FROM PRODUCTION.CUSTOMERS_MASTER_DATA WHERE CUSTOMER_ID = '{customer}'");
        var segment = Text($"SELECT CUSTOMER_SEGMENT FROM PRODUCTION.CUSTOMERS_MASTER_DATA WHERE CUSTOMER_ID = '{customer}'");

        var page = await app.OpenAsync($"/map?asset={Uri.EscapeDataString(customer.ToLowerInvariant())}");

        await Assertions.Expect(page.GetByTestId("asset-card-id")).ToHaveTextAsync(customer, new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("asset-card")).ToContainTextAsync(name);
        await Assertions.Expect(page.GetByTestId("asset-card-address")).ToContainTextAsync(address);
        await Assertions.Expect(page.GetByTestId("asset-card-class")).ToHaveTextAsync(segment[..1] + segment[1..].ToLowerInvariant(), new() { IgnoreCase = false });
        await Assertions.Expect(page.GetByTestId("asset-card-critical-care")).ToContainTextAsync("Yes");
        await Assertions.Expect(page.GetByTestId("asset-card-account")).ToContainTextAsync("active");
        await app.ScreenshotAsync(page, "map-customer-card");
    }

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

    private static async Task WaitForZoomAsync(ILocator map, int zoom)
    {
        await Assertions.Expect(map).ToHaveAttributeAsync("data-zoom", zoom.ToString(CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
        await Assertions.Expect(map).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 15_000 });
    }

    private long Sql(string sql) => ViewQueries.Long(app.Factory.DatabasePath, sql);

    private string Text(string sql) => Convert.ToString(ViewQueries.Scalar(app.Factory.DatabasePath, sql), CultureInfo.InvariantCulture)!;
}
