using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flux.OpsCenter.Data.Analysis.Reliability;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Tests.Support;
using Flux.OpsCenter.Web.Export;

namespace Flux.OpsCenter.Tests.Web.Api;

public sealed class ReliabilityApiTests(OpsCenterAppFactory factory) : IClassFixture<OpsCenterAppFactory>
{
    [Fact]
    public async Task Default_period_is_the_overview_twelve_months_and_gives_the_kpi_saidi()
    {
        using var client = factory.CreateClient();
        var token = TestContext.Current.CancellationToken;

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/reliability/indices", UriKind.Relative), token));
        var root = json.RootElement;
        var kpiSaidi = ViewQueries.Double(factory.DatabasePath, "SELECT SAIDI_12M FROM APPLICATIONS.FLUX_OPS_CENTER_KPIS");
        var kpiSaifi = ViewQueries.Double(factory.DatabasePath, "SELECT SAIFI_12M FROM APPLICATIONS.FLUX_OPS_CENTER_KPIS");

        Assert.Equal(kpiSaidi, Math.Round(root.GetProperty("all").GetProperty("saidi").GetDouble(), 2, MidpointRounding.AwayFromZero));
        Assert.Equal(kpiSaifi, Math.Round(root.GetProperty("all").GetProperty("saifi").GetDouble(), 3, MidpointRounding.AwayFromZero));
        Assert.Equal("System", root.GetProperty("scope").GetProperty("kind").GetString());
        // Seven years of generated history: the threshold rests on the full five years, and the hurricane is a MED.
        Assert.Equal(5, root.GetProperty("threshold").GetProperty("yearsOfData").GetDouble(), 0);
        Assert.True(root.GetProperty("majorEventDays").GetArrayLength() >= 1);
        Assert.True(root.GetProperty("excludingMajorEvents").GetProperty("saidi").GetDouble() < root.GetProperty("all").GetProperty("saidi").GetDouble());
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-06-01&to=2026-01-01", "from")]
    [InlineData("to=2026-13-45", "to")]
    [InlineData("scope=planet:mars", "scope")]
    [InlineData("scope=feeder:FDR-NOPE", "scope")]
    [InlineData("scope=substation:", "scope")]
    [InlineData("from=2000-01-01&to=2026-01-01", "from")]
    public async Task Bad_input_is_a_400_problem_naming_the_field(string query, string field)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri($"/api/reliability/indices?{query}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out var messages));
        Assert.NotEmpty(messages[0].GetString()!);
    }

    [Fact]
    public async Task Scoped_indices_use_the_scope_customers()
    {
        using var client = factory.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync(
            new Uri("/api/reliability/indices?from=2026-01-01&to=2026-06-30&scope=substation:SUB-001", UriKind.Relative), TestContext.Current.CancellationToken));

        var served = ViewQueries.Long(factory.DatabasePath, "SELECT COUNT(*) FROM PRODUCTION.CUSTOMERS_MASTER_DATA WHERE ACCOUNT_STATUS = 'ACTIVE' AND SUBSTATION_ID = 'SUB-001'");
        Assert.Equal(served, json.RootElement.GetProperty("all").GetProperty("customersServed").GetInt64());
        Assert.Equal("2026-07-01T00:00:00+00:00", json.RootElement.GetProperty("period").GetProperty("to").GetString());
    }

    [Fact]
    public async Task Worst_feeders_csv_round_trips_to_the_service_rows()
    {
        using var client = factory.CreateClient();
        var token = TestContext.Current.CancellationToken;

        var response = await client.GetAsync(new Uri("/api/export/reliability/worst-feeders.csv?limit=40", UriKind.Relative), token);
        var records = CsvReader.Parse(await response.Content.ReadAsStringAsync(token));

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("worst-feeders.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var source = new DuckDbSource(factory.DatabasePath);
        var service = new ReliabilityService(source);
        var clock = await service.GetClockAsync(token);
        var period = ReliabilityPeriod.LastTwelveMonths(clock.AsOf);
        var threshold = await service.GetThresholdAsync(period.From, token);
        var feeders = await service.GetWorstFeedersAsync(period, ReliabilityScope.System, threshold, new WorstFeederOptions(Limit: 40), token);
        Assert.Equal(ExportTables.WorstFeeders.Select(c => c.Header), records[0]);
        Assert.Equal(feeders.Count, records.Count - 1);
        for (var i = 0; i < feeders.Count; i++)
        {
            Assert.Equal(ExportTables.WorstFeeders.Select(c => c.Value(feeders[i])), records[i + 1]);
        }
    }

    [Fact]
    public async Task Outage_history_csv_streams_every_matching_event()
    {
        using var client = factory.CreateClient();
        var token = TestContext.Current.CancellationToken;

        var text = await client.GetStringAsync(new Uri("/api/export/outages/history.csv?from=2019-01-01&to=2026-12-31&kind=sustained", UriKind.Relative), token);
        var records = CsvReader.Parse(text);

        var expected = ViewQueries.Long(factory.DatabasePath, """
            SELECT COUNT(*) FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER
            WHERE OUTAGE_END_TIME IS NOT NULL AND NOT IS_MOMENTARY AND EPOCH(OUTAGE_END_TIME) - EPOCH(OUTAGE_START_TIME) > 300
            """);
        Assert.Equal(expected, records.Count - 1);
        Assert.Equal(records.Count - 1, records.Skip(1).Select(r => r[0]).Distinct().Count());
    }

    [Fact]
    public async Task Monthly_and_cause_apis_answer_for_a_feeder()
    {
        using var client = factory.CreateClient();
        var token = TestContext.Current.CancellationToken;

        var months = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/reliability/monthly?from=2026-01-01&to=2026-03-31&scope=feeder:FDR-001-01", UriKind.Relative), token);
        var causes = await client.GetAsync(new Uri("/api/reliability/causes?scope=region:NOWHERE", UriKind.Relative), token);

        Assert.Equal(3, months.GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, causes.StatusCode);
    }
}
