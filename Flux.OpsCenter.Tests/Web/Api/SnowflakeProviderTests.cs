using System.Net;
using System.Net.Http.Json;
using Flux.OpsCenter.Data.Analysis.Reliability;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Tests.Data.Snowflake;
using Flux.OpsCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.OpsCenter.Tests.Web.Api;

/// <summary>
/// The whole app on the Snowflake provider in SPCS mode against a fake SQL API over HTTP: the Overview shows the fake's
/// KPIs, and the ingress's user header becomes the operator shown in the app bar.
/// </summary>
public sealed class SnowflakeProviderTests : IAsyncLifetime
{
    private readonly FakeSqlApi _api = new();
    private FakeSqlApiServer? _server;
    private SnowflakeAppFactory? _factory;

    private static readonly (string Name, string Type)[] ReliabilityTotalsColumns =
    [
        ("CUSTOMERS_SERVED", "FIXED"),
        .. new[] { "SUSTAINED_EVENTS", "CUSTOMER_INTERRUPTIONS", "CUSTOMER_MINUTES", "CUSTOMERS_INTERRUPTED", "MOMENTARY_EVENTS", "MOMENTARY_INTERRUPTIONS" }
            .SelectMany(c => new[] { (c, "FIXED"), (c + "_EX_MED", "FIXED") }),
    ];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var kpiStatement = Escape(QueryCatalog.Query("GetKpis"));
        // The Overview's Major Event Day comparison asks these once the page is interactive: the fake answers them like
        // a warehouse with no outage history, so no query of the Overview goes unanswered.
        var clockStatement = Escape(QueryCatalog.Query("GetReliabilityClock"));
        var totalsStatement = Escape(QueryCatalog.Query("GetReliabilityTotals"));
        _api.Default = call =>
            call.Body.Contains(kpiStatement, StringComparison.Ordinal) ? SnowflakeSqlSourceTests.KpiResultWith(totalCustomers: "765432", customersOut: "4321")
            : call.Body.Contains(clockStatement, StringComparison.Ordinal) ? FakeSqlApi.ResultSet([("AS_OF", "TIMESTAMP_NTZ"), ("FIRST_OUTAGE_START", "TIMESTAMP_NTZ")], [["1795705200.000000000", null]])
            : call.Body.Contains(totalsStatement, StringComparison.Ordinal) ? FakeSqlApi.ResultSet(ReliabilityTotalsColumns, [[.. ReliabilityTotalsColumns.Select(c => c.Name == "CUSTOMERS_SERVED" ? "765432" : "0")]])
            : FakeSqlApi.ResultSet([], []);
        _server = await FakeSqlApiServer.StartAsync(_api, Token);
        _factory = new SnowflakeAppFactory(_server.BaseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Kpi_api_returns_what_the_sql_api_answered()
    {
        using var client = _factory!.CreateClient();
        client.DefaultRequestHeaders.Add("Sf-Context-Current-User", "JANE_OPERATOR");

        var raw = await client.GetAsync(new Uri("/api/kpis", UriKind.Relative), Token);
        Assert.True(raw.IsSuccessStatusCode, await raw.Content.ReadAsStringAsync(Token));
        var kpis = await raw.Content.ReadFromJsonAsync<OpsKpis>(Token);

        Assert.Equal(765_432, kpis!.TotalCustomers);
        Assert.Equal(4_321, kpis.CustomersOut);
        // The live-status monitor polls the same source, so every submission, not just ours, must carry the SPCS token.
        Assert.NotEmpty(_api.Submissions);
        Assert.All(_api.Submissions, submission =>
        {
            Assert.Equal("Bearer spcs-session-token", submission.Header("Authorization"));
            Assert.Equal("OAUTH", submission.Header("X-Snowflake-Authorization-Token-Type"));
        });
    }

    [Fact]
    public async Task Overview_renders_the_kpis_the_fake_returns_and_the_spcs_user_in_the_app_bar()
    {
        using var client = _factory!.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Add("Sf-Context-Current-User", "JANE_OPERATOR");

        using var response = await client.SendAsync(request, Token);
        var html = await response.Content.ReadAsStringAsync(Token);

        Assert.True(response.IsSuccessStatusCode, html);
        Assert.Contains("765,432", html, StringComparison.Ordinal);
        Assert.Contains("4,321", html, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"current-operator\"[^>]*>[\\s\\S]*JANE_OPERATOR", html);
    }

    [Fact]
    public async Task The_overviews_major_event_comparison_is_answered_over_the_sql_api()
    {
        var reliability = _factory!.Services.GetRequiredService<ReliabilityService>();

        var comparison = await reliability.GetTwelveMonthComparisonAsync(Token);

        Assert.Equal(765_432, comparison.Current.All.CustomersServed);
        Assert.Equal(0, comparison.Current.ExcludingMajorEvents.Saidi);
        Assert.Equal(comparison.Current.Period.From, comparison.Previous.Period.To);
    }

    [Fact]
    public async Task Without_the_ingress_header_the_app_answers_401_and_only_the_probes_answer()
    {
        using var client = _factory!.CreateClient();

        using var page = await client.GetAsync(new Uri("/", UriKind.Relative), Token);
        using var api = await client.GetAsync(new Uri("/api/kpis", UriKind.Relative), Token);
        using var liveness = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.DoesNotContain("data-testid=\"current-operator\"", await page.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, liveness.StatusCode);
    }

    [Fact]
    public async Task An_unmapped_ingress_user_is_a_viewer_and_gets_403_on_acknowledge()
    {
        using var client = _factory!.CreateClient();

        using var response = await client.SendAsync(Acknowledge("NEW-OUT-0000001", "JOE_PUBLIC"), Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Viewer", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.DoesNotContain(_api.Submissions, s => s.Body.Contains("ALARM_ACKNOWLEDGEMENTS (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_ingress_user_mapped_to_operator_passes_authorization()
    {
        await using var mapped = _factory!.WithWebHostBuilder(b => b.UseSetting("OpsCenter:Identity:Users:JANE_OPERATOR", "Operator"));
        using var client = mapped.CreateClient();

        // The fake knows no alarms, so an authorised request gets as far as "unknown alarm".
        using var response = await client.SendAsync(Acknowledge("NEW-OUT-0000001", "jane_operator"), Token);

        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static HttpRequestMessage Acknowledge(string alarmId, string user)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/alarms/{alarmId}/acknowledge", UriKind.Relative));
        request.Headers.Add("Sf-Context-Current-User", user);
        return request;
    }

    private static string Escape(string text) => System.Text.Json.JsonSerializer.Serialize(text)[1..^1];
}
