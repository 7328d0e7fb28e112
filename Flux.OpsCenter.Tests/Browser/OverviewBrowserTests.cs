using Flux.OpsCenter.Tests.Support;
using Microsoft.Playwright;

namespace Flux.OpsCenter.Tests.Browser;

public sealed class OverviewBrowserTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private double Kpi(string column) => ViewQueries.Double(app.Factory.DatabasePath, $"SELECT {column} FROM APPLICATIONS.FLUX_OPS_CENTER_KPIS");

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
        // In the utility's zone (America/Chicago by default), UTC on hover.
        await Assertions.Expect(page.GetByTestId("kpi-as-of")).ToContainTextAsync("2026-11-20 09:00 CST");
        await Assertions.Expect(page.GetByTestId("kpi-circuits-out-value")).ToHaveTextAsync(Kpi("CIRCUITS_IN_OUTAGE").ToString("N0"));
        await Assertions.Expect(page.GetByTestId("kpi-crews-value")).ToHaveTextAsync(Kpi("CREWS_ACTIVE").ToString("N0"));
        await Assertions.Expect(page.GetByTestId("kpi-restoration-value")).ToHaveTextAsync(Kpi("AVG_RESTORATION_MINUTES").ToString("N0"));
        await Assertions.Expect(page.GetByTestId("kpi-load-value")).ToHaveTextAsync(Kpi("TOTAL_LOAD_MW").ToString("N0"));
        await Assertions.Expect(page.GetByTestId("kpi-saifi-value")).ToHaveTextAsync(Kpi("SAIFI_12M").ToString("N3"));
        await Assertions.Expect(page.GetByTestId("kpi-caidi-value")).ToHaveTextAsync(Kpi("CAIDI_12M").ToString("N1"));
        await Assertions.Expect(page.GetByTestId("kpi-saidi-as-of")).ToHaveTextAsync("as of 2026-11-20 09:00 CST");
        // The previous 12 months, independently: the small territory records only one year of outages.
        var previousEvents = ViewQueries.Long(path, """
            SELECT COUNT(*) FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER
            WHERE OUTAGE_START_TIME > (SELECT AS_OF FROM APPLICATIONS.FLUX_DATA_CLOCK) - INTERVAL '730 days'
              AND OUTAGE_START_TIME <= (SELECT AS_OF FROM APPLICATIONS.FLUX_DATA_CLOCK) - INTERVAL '365 days'
            """);
        await Assertions.Expect(page.GetByTestId("kpi-saidi-change")).ToContainTextAsync(previousEvents == 0 ? "no outage records" : "vs prior 12 months");
        await Assertions.Expect(page.GetByTestId("grid-map")).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 20_000 });
        await app.ScreenshotAsync(page, "overview");
        Assert.Empty(errors);
    }
}
