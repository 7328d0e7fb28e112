using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Web.Api;

public sealed class TraceApiTests(OpsCenterAppFactory factory) : IClassFixture<OpsCenterAppFactory>
{
    [Fact]
    public async Task Downstream_of_a_feeder_breaker_counts_the_active_customers_of_its_energised_transformers()
    {
        var breaker = Text("""
            SELECT MIN(DEVICE_ID) FROM PRODUCTION.SWITCHING_DEVICES d
            WHERE DEVICE_TYPE = 'BREAKER' AND CURRENT_STATE = 'CLOSED'
              AND EXISTS (SELECT 1 FROM PRODUCTION.SWITCHING_DEVICES o WHERE o.CIRCUIT_ID = d.CIRCUIT_ID AND o.CURRENT_STATE = 'OPEN' AND o.DEVICE_TYPE <> 'TIE')
            """);
        var expected = Long($"""
            SELECT COUNT(*) FROM PRODUCTION.CUSTOMERS_MASTER_DATA c JOIN PRODUCTION.TRANSFORMER_METADATA t ON t.TRANSFORMER_ID = c.TRANSFORMER_ID
            WHERE t.BREAKER_ID = '{breaker}' AND c.ACCOUNT_STATUS = 'ACTIVE'
              AND NOT EXISTS (SELECT 1 FROM PRODUCTION.SWITCHING_DEVICES o WHERE o.CURRENT_STATE = 'OPEN' AND o.DEVICE_ID IN (t.RECLOSER_ID, t.FUSE_ID))
            """);

        var trace = await GetAsync($"/api/trace?asset={breaker}&direction=downstream", HttpStatusCode.OK);

        Assert.Equal(expected, trace.GetProperty("customers").GetInt32());
        Assert.Equal("downstream", trace.GetProperty("direction").GetString());
        Assert.Equal(breaker, trace.GetProperty("isolatingDevices")[0].GetProperty("id").GetString());
        var byClass = trace.GetProperty("customersByClass");
        Assert.Equal(expected, byClass.GetProperty("RESIDENTIAL").GetInt32() + byClass.GetProperty("COMMERCIAL").GetInt32() + byClass.GetProperty("INDUSTRIAL").GetInt32());
        Assert.True(trace.GetProperty("assetsByType").GetProperty("FUSE").GetInt32() > 0);
    }

    [Fact]
    public async Task A_feeder_id_traces_through_its_breaker_in_any_case()
    {
        var circuit = Text("SELECT MIN(CIRCUIT_ID) FROM PRODUCTION.CIRCUIT_METADATA");

        var trace = await GetAsync($"/api/trace?asset={circuit.ToLowerInvariant()}&direction=DOWNSTREAM", HttpStatusCode.OK);

        Assert.Equal("BREAKER", trace.GetProperty("assetType").GetString());
        Assert.Equal(circuit, trace.GetProperty("sourceCircuitId").GetString());
    }

    [Fact]
    public async Task An_unknown_asset_is_a_404_problem()
    {
        var problem = await GetAsync("/api/trace?asset=BKR-999-99&direction=upstream", HttpStatusCode.NotFound);

        Assert.Contains("BKR-999-99", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/trace?asset=BKR-001-01&direction=sideways", "direction")]
    [InlineData("/api/trace?asset=BKR-001-01", "direction")]
    [InlineData("/api/trace?direction=upstream", "asset")]
    public async Task Bad_input_is_a_400_problem_naming_the_parameter(string path, string parameter)
    {
        var problem = await GetAsync(path, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task A_trip_written_by_the_simulator_reaches_the_trace_without_a_restart()
    {
        await using var live = new OpsCenterAppFactory();
        live.Settings["OpsCenter:Simulator:ControlApi"] = "true";
        using var client = live.CreateClient();
        var token = TestContext.Current.CancellationToken;
        var fuse = (string)ViewQueries.Scalar(live.DatabasePath, """
            SELECT MIN(d.DEVICE_ID) FROM PRODUCTION.SWITCHING_DEVICES d
            WHERE d.DEVICE_TYPE = 'FUSE' AND d.CURRENT_STATE = 'CLOSED'
              AND NOT EXISTS (SELECT 1 FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER o WHERE o.CIRCUIT_ID = d.CIRCUIT_ID AND o.OUTAGE_END_TIME IS NULL)
              AND EXISTS (SELECT 1 FROM PRODUCTION.TRANSFORMER_METADATA t JOIN PRODUCTION.CUSTOMERS_MASTER_DATA c ON c.TRANSFORMER_ID = t.TRANSFORMER_ID
                          WHERE t.FUSE_ID = d.DEVICE_ID AND c.ACCOUNT_STATUS = 'ACTIVE')
            """)!;
        var before = await client.GetFromJsonAsync<JsonElement>($"/api/trace?asset={fuse}&direction=downstream", token);
        Assert.True(before.GetProperty("customers").GetInt32() > 0);
        await WaitForAsync(async () => (await client.PostAsync(new Uri($"/api/simulator/faults?device={fuse}", UriKind.Relative), null, token)).IsSuccessStatusCode, token);

        await WaitForAsync(async () =>
        {
            var trace = await client.GetFromJsonAsync<JsonElement>($"/api/trace?asset={fuse}&direction=downstream", token);
            return trace.GetProperty("customers").GetInt32() == 0 && trace.GetProperty("isolatingDevices")[0].GetProperty("state").GetString() == "OPEN";
        }, token);
    }

    /// <summary>Re-checks a condition until it holds; generous, because CI shares two cores.</summary>
    private static async Task WaitForAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (!await condition())
        {
            await timer.WaitForNextTickAsync(timeout.Token);
        }
    }

    private async Task<JsonElement> GetAsync(string path, HttpStatusCode expected)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private string Text(string sql) => (string)ViewQueries.Scalar(factory.DatabasePath, sql)!;

    private long Long(string sql) => ViewQueries.Long(factory.DatabasePath, sql);
}
