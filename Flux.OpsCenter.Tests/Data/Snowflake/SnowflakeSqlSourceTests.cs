using System.Globalization;
using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Data.Snowflake;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Data.Snowflake;

/// <summary>The SQL API protocol against a local fake: submission, polling, partitions, retries and failures.</summary>
public sealed class SnowflakeSqlSourceTests
{
    private static readonly (string, string)[] KpiColumns =
    [
        ("AS_OF", "TIMESTAMP_NTZ"), ("TOTAL_CUSTOMERS", "FIXED"), ("CUSTOMERS_OUT", "FIXED"), ("ACTIVE_OUTAGES", "FIXED"),
        ("CIRCUITS_IN_OUTAGE", "FIXED"), ("TOTAL_LOAD_MW", "FIXED"), ("PEAK_LOAD_MW_24H", "FIXED"), ("SYSTEM_CAPACITY_MW", "FIXED"),
        ("CREWS_ACTIVE", "FIXED"), ("OPEN_WORK_ORDERS", "FIXED"), ("AVG_RESTORATION_MINUTES", "FIXED"), ("SAIDI_12M", "FIXED"),
        ("SAIFI_12M", "FIXED"), ("CAIDI_12M", "FIXED"), ("AVG_ASSET_HEALTH", "REAL"),
    ];

    private static readonly string?[] KpiRow =
        ["1795705200.000000000", "702345", "1234", "7", "5", "9876.5", "10234.0", "15000.0", "12", "88", "95.5", "123.45", "1.234", "100.1", null];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    internal static FakeSqlApiResponse KpiResult() => FakeSqlApi.ResultSet(KpiColumns, [KpiRow]);

    internal static FakeSqlApiResponse KpiResultWith(string totalCustomers, string customersOut)
    {
        var row = (string?[])KpiRow.Clone();
        row[1] = totalCustomers;
        row[2] = customersOut;
        return FakeSqlApi.ResultSet(KpiColumns, [row]);
    }

    [Fact]
    public async Task Submits_the_query_file_with_options_headers_and_a_request_id_and_maps_the_row()
    {
        var api = new FakeSqlApi().Then(KpiResult());
        using var host = new SnowflakeTestSource(api);

        var kpis = await new GridQueries(host.Source).GetKpisAsync(Token);

        Assert.NotNull(kpis);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero), kpis.AsOf);
        Assert.Equal(702_345, kpis.TotalCustomers);
        Assert.Equal(9876.5, kpis.TotalLoadMw);
        Assert.Null(kpis.AvgAssetHealth);
        var call = Assert.Single(api.Calls);
        Assert.Equal("POST", call.Method);
        Assert.Equal("/api/v2/statements", call.Path);
        Assert.True(Guid.TryParse(call.QueryValue("requestId"), out _));
        Assert.Null(call.QueryValue("retry"));
        Assert.StartsWith("FluxOpsCenter/", call.Header("User-Agent"), StringComparison.Ordinal);
        Assert.Equal("KEYPAIR_JWT", call.Header(SnowflakeAuthHandler.TokenTypeHeader));
        Assert.StartsWith("Bearer ey", call.Header("Authorization"), StringComparison.Ordinal);
        var body = call.Json;
        Assert.Equal(QueryCatalog.Query("GetKpis"), body.GetProperty("statement").GetString());
        Assert.Equal("FLUX_OPS", body.GetProperty("database").GetString());
        Assert.Equal("APPLICATIONS", body.GetProperty("schema").GetString());
        Assert.Equal("FLUX_WH", body.GetProperty("warehouse").GetString());
        Assert.Equal("FLUX_READER", body.GetProperty("role").GetString());
        Assert.Equal(30, body.GetProperty("timeout").GetInt32());
        Assert.False(body.TryGetProperty("bindings", out _));
    }

    [Fact]
    public async Task Arguments_travel_as_typed_positional_bindings_never_in_the_text()
    {
        var api = new FakeSqlApi();
        using var host = new SnowflakeTestSource(api);
        var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        await new OutageQueries(host.Source).GetOutageHistoryPageAsync(new OutageHistoryFilter(from, from.AddDays(30), CircuitId: "FDR-001-01"), 20, 100, Token);

        var body = Assert.Single(api.Calls).Json;
        Assert.Equal(QueryCatalog.Query("GetOutageHistoryPage"), body.GetProperty("statement").GetString());
        var bindings = body.GetProperty("bindings");
        Assert.Equal("TIMESTAMP_NTZ", bindings.GetProperty("1").GetProperty("type").GetString());
        Assert.Equal((from.ToUnixTimeSeconds() * 1_000_000_000L).ToString(CultureInfo.InvariantCulture), bindings.GetProperty("1").GetProperty("value").GetString());
        Assert.Equal("TEXT", bindings.GetProperty("4").GetProperty("type").GetString());
        Assert.Equal("FDR-001-01", bindings.GetProperty("4").GetProperty("value").GetString());
        Assert.Equal("FIXED", bindings.GetProperty("7").GetProperty("type").GetString());
        Assert.Equal("100", bindings.GetProperty("7").GetProperty("value").GetString());
        Assert.Equal("20", bindings.GetProperty("8").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Accepted_202_is_polled_on_the_statement_handle_until_the_result_arrives()
    {
        var api = new FakeSqlApi().Then(FakeSqlApi.Accepted("01b-slow")).Then(FakeSqlApi.Accepted("01b-slow")).Then(KpiResult());
        using var host = new SnowflakeTestSource(api);

        var kpis = await new GridQueries(host.Source).GetKpisAsync(Token);

        Assert.Equal(1234, kpis!.CustomersOut);
        var calls = api.Calls.ToArray();
        Assert.Equal(3, calls.Length);
        Assert.All(calls.Skip(1), c => Assert.Equal(("GET", "/api/v2/statements/01b-slow"), (c.Method, c.Path)));
    }

    [Fact]
    public async Task Every_partition_is_fetched_in_order_and_a_gzip_partition_is_decoded()
    {
        (string, string)[] columns = [("CREW_ID", "TEXT"), ("MEMBERS", "FIXED")];
        var api = new FakeSqlApi()
            .Then(FakeSqlApi.ResultSet(columns, [["C-1", "3"], ["C-2", "4"]], partitionRowCounts: [2, 2, 1], handle: "01b-big"))
            .Then(FakeSqlApi.Partition([["C-3", "5"], ["C-4", "2"]]))
            .Then(FakeSqlApi.Partition([["C-5", "6"]], gzip: true));
        using var host = new SnowflakeTestSource(api);

        var crews = await host.Source.QueryAsync(QueryCatalog.Request("GetCrews", 10), r => (r.GetString("CREW_ID"), r.GetInt64("MEMBERS")), Token);

        Assert.Equal([("C-1", 3L), ("C-2", 4L), ("C-3", 5L), ("C-4", 2L), ("C-5", 6L)], crews);
        var fetches = api.Calls.Skip(1).Select(c => (c.Path, c.QueryValue("partition"))).ToArray();
        Assert.Equal([("/api/v2/statements/01b-big", "1"), ("/api/v2/statements/01b-big", "2")], fetches);
    }

    [Fact]
    public async Task Sql_failure_422_is_a_query_error_and_is_never_retried()
    {
        var api = new FakeSqlApi().Then(FakeSqlApi.Failure(422)).Then(KpiResult());
        using var host = new SnowflakeTestSource(api);

        var error = await Assert.ThrowsAsync<FluxDataException>(() => new GridQueries(host.Source).GetKpisAsync(Token));

        Assert.Equal(DataSourceKind.Snowflake, error.Source);
        Assert.Equal(DataErrorKind.Query, error.Kind);
        Assert.Contains("SQL compilation error", error.Message, StringComparison.Ordinal);
        Assert.Single(api.Calls);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Throttled_or_unavailable_then_success_resubmits_the_same_request_id_with_retry_true(int status)
    {
        var api = new FakeSqlApi().Then(new FakeSqlApiResponse(status, "{}")).Then(KpiResult());
        using var host = new SnowflakeTestSource(api);

        var kpis = await new GridQueries(host.Source).GetKpisAsync(Token);

        Assert.NotNull(kpis);
        var submissions = api.Submissions;
        Assert.Equal(2, submissions.Count);
        Assert.Equal(submissions[0].QueryValue("requestId"), submissions[1].QueryValue("requestId"));
        Assert.Null(submissions[0].QueryValue("retry"));
        Assert.Equal("true", submissions[1].QueryValue("retry"));
        Assert.Equal(submissions[0].Body, submissions[1].Body);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_attempts_with_an_unavailable_error()
    {
        var api = new FakeSqlApi { Default = _ => new FakeSqlApiResponse(503, "{}") };
        using var host = new SnowflakeTestSource(api, o => o.MaxRetryAttempts = 2);

        var error = await Assert.ThrowsAsync<FluxDataException>(() => new GridQueries(host.Source).GetKpisAsync(Token));

        Assert.Equal(DataErrorKind.Unavailable, error.Kind);
        Assert.Equal(3, api.Submissions.Count);
        Assert.Single(api.Submissions.Select(s => s.QueryValue("requestId")).Distinct());
    }

    [Fact]
    public async Task Repeated_failures_open_the_circuit_so_later_queries_fail_fast_without_a_request()
    {
        var api = new FakeSqlApi { Default = _ => new FakeSqlApiResponse(503, "{}") };
        using var host = new SnowflakeTestSource(api, o => o.MaxRetryAttempts = 0);
        var queries = new GridQueries(host.Source);
        for (var i = 0; i < 10; i++)
        {
            await Assert.ThrowsAsync<FluxDataException>(() => queries.GetKpisAsync(Token));
        }

        var callsBefore = api.Calls.Count;
        var error = await Assert.ThrowsAsync<FluxDataException>(() => queries.GetKpisAsync(Token));

        Assert.Equal(DataErrorKind.Unavailable, error.Kind);
        Assert.Contains("circuit is open", error.Message, StringComparison.Ordinal);
        Assert.Equal(callsBefore, api.Calls.Count);
    }

    [Fact]
    public async Task Unauthorized_401_then_success_refreshes_the_token_exactly_once()
    {
        var tokens = new CountingTokenProvider();
        var api = new FakeSqlApi().Then(new FakeSqlApiResponse(401, "{\"code\":\"390303\",\"message\":\"Invalid OAuth access token.\"}")).Then(KpiResult());
        using var host = new SnowflakeTestSource(api, tokens: tokens);

        var kpis = await new GridQueries(host.Source).GetKpisAsync(Token);

        Assert.NotNull(kpis);
        Assert.Equal(1, tokens.Refreshes);
        var calls = api.Calls.ToArray();
        Assert.Equal(["Bearer token-1", "Bearer token-2"], calls.Select(c => c.Header("Authorization")));
    }

    [Fact]
    public async Task A_second_401_after_the_refresh_is_an_unavailable_error_not_a_loop()
    {
        var tokens = new CountingTokenProvider();
        var api = new FakeSqlApi { Default = _ => new FakeSqlApiResponse(401, "{}") };
        using var host = new SnowflakeTestSource(api, tokens: tokens);

        var error = await Assert.ThrowsAsync<FluxDataException>(() => new GridQueries(host.Source).GetKpisAsync(Token));

        Assert.Equal(DataErrorKind.Unavailable, error.Kind);
        Assert.Equal(2, api.Calls.Count);
        Assert.Equal(1, tokens.Refreshes);
    }

    [Fact]
    public async Task An_attempt_that_never_answers_times_out_is_retried_and_ends_as_a_timeout_error()
    {
        var api = new FakeSqlApi { Default = _ => new FakeSqlApiResponse(200, "{}", NeverAnswers: true) };
        using var host = new SnowflakeTestSource(api, o =>
        {
            o.RequestTimeout = TimeSpan.FromMilliseconds(200);
            o.MaxRetryAttempts = 1;
        });

        var error = await Assert.ThrowsAsync<FluxDataException>(() => new GridQueries(host.Source).GetKpisAsync(Token));

        Assert.Equal(DataErrorKind.Timeout, error.Kind);
        Assert.Equal(2, api.Submissions.Count);
        Assert.Equal("true", api.Submissions[1].QueryValue("retry"));
    }

    [Fact]
    public async Task Malformed_json_is_a_mapping_error()
    {
        var api = new FakeSqlApi().Then(new FakeSqlApiResponse(200, "{\"resultSetMetaData\": {\"numRows\": 1, \"rowType\": [ {\"name\":"));
        using var host = new SnowflakeTestSource(api);

        var error = await Assert.ThrowsAsync<FluxDataException>(() => new GridQueries(host.Source).GetKpisAsync(Token));

        Assert.Equal(DataSourceKind.Snowflake, error.Source);
        Assert.Equal(DataErrorKind.Mapping, error.Kind);
        Assert.Single(api.Calls);
    }

    [Fact]
    public async Task Cancelling_a_running_statement_calls_the_cancel_endpoint()
    {
        var api = new FakeSqlApi { Default = _ => FakeSqlApi.Accepted("01b-running") };
        using var host = new SnowflakeTestSource(api, o => o.PollInterval = TimeSpan.FromMinutes(1));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var query = new GridQueries(host.Source).GetKpisAsync(cancel.Token);
        await api.FirstCall.Task.WaitAsync(Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => query);
        Assert.Contains(api.Calls, c => c.Method == "POST" && c.Path == "/api/v2/statements/01b-running/cancel");
    }

    [Fact]
    public async Task A_statement_over_its_timeout_is_cancelled_on_the_server_and_reported_as_a_timeout()
    {
        var api = new FakeSqlApi { Default = call => call.Path.EndsWith("/cancel", StringComparison.Ordinal) ? new FakeSqlApiResponse(200, "{}") : FakeSqlApi.Accepted("01b-long") };
        using var host = new SnowflakeTestSource(api);
        var request = QueryCatalog.Request("GetKpis") with { Timeout = TimeSpan.FromMilliseconds(300) };

        var error = await Assert.ThrowsAsync<FluxDataException>(() => host.Source.QueryAsync(request, RowMappers.Kpis, Token));

        Assert.Equal(DataErrorKind.Timeout, error.Kind);
        Assert.Contains(api.Calls, c => c.Path == "/api/v2/statements/01b-long/cancel");
    }
}
