using System.Net;
using System.Net.Http.Json;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Web.Api;

public sealed class HealthAndReadApiTests(OpsCenterAppFactory factory) : IClassFixture<OpsCenterAppFactory>
{
    [Fact]
    public async Task Healthz_answers_while_the_process_is_alive()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_reports_the_territory_ready()
    {
        using var client = factory.CreateClient();
        // Readiness is the live monitor's first successful poll, which runs in the background once the host starts.
        await LiveStatus.FirstPublishAsync(factory.Services, TestContext.Current.CancellationToken);

        var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Kpi_api_returns_the_view_row()
    {
        using var client = factory.CreateClient();

        var kpis = await client.GetFromJsonAsync<OpsKpis>(new Uri("/api/kpis", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.NotNull(kpis);
        Assert.Equal(ViewQueries.Long(factory.DatabasePath, "SELECT COUNT(*) FROM PRODUCTION.CUSTOMERS_MASTER_DATA WHERE ACCOUNT_STATUS = 'ACTIVE'"), kpis.TotalCustomers);
        Assert.Equal(ViewQueries.Long(factory.DatabasePath, "SELECT COUNT(*) FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE OUTAGE_END_TIME IS NULL"), kpis.ActiveOutages);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }
}
