using Flux.OpsCenter.Tests.Support;
using Microsoft.Playwright;

namespace Flux.OpsCenter.Tests.Browser;

public sealed class OverviewBrowserTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task Overview_shows_the_kpi_values_the_view_returns()
    {
        var path = app.Factory.DatabasePath;
        var customers = ViewQueries.Long(path, "SELECT TOTAL_CUSTOMERS FROM APPLICATIONS.FLUX_OPS_CENTER_KPIS");
        var customersOut = ViewQueries.Long(path, "SELECT CUSTOMERS_OUT FROM APPLICATIONS.FLUX_OPS_CENTER_KPIS");
        var outages = ViewQueries.Long(path, "SELECT ACTIVE_OUTAGES FROM APPLICATIONS.FLUX_OPS_CENTER_KPIS");
        var saidi = ViewQueries.Double(path, "SELECT SAIDI_12M FROM APPLICATIONS.FLUX_OPS_CENTER_KPIS");
        var errors = new List<string>();

        var page = await app.OpenAsync("/");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await Assertions.Expect(page.GetByTestId("kpi-total-customers-value")).ToHaveTextAsync(customers.ToString("N0"));
        await Assertions.Expect(page.GetByTestId("kpi-customers-out-value")).ToHaveTextAsync(customersOut.ToString("N0"));
        await Assertions.Expect(page.GetByTestId("kpi-active-outages-value")).ToHaveTextAsync(outages.ToString("N0"));
        await Assertions.Expect(page.GetByTestId("kpi-saidi-value")).ToHaveTextAsync(saidi.ToString("N1"));
        await Assertions.Expect(page.GetByTestId("kpi-as-of")).ToContainTextAsync(TestTerritory.AsOf.ToString("yyyy-MM-dd HH:mm"));
        await app.ScreenshotAsync(page, "overview");
        Assert.Empty(errors);
    }
}
