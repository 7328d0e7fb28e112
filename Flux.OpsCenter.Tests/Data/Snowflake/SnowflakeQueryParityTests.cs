using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Data.Snowflake;

/// <summary>
/// Every query file through the Snowflake source gives the records DuckDB gives, and sends exactly one binding per
/// <c>?</c> placeholder: the fake runs each submitted statement on the same DuckDB file and answers in SQL API form.
/// </summary>
public sealed class SnowflakeQueryParityTests
{
    // Embedded-only bookkeeping (Snowflake deployments have no generator info row), and the audit entry, which
    // GridCommands sends only after a write the fake does not report; QueryFilesTests checks its placeholders.
    private static readonly string[] EmbeddedOnly = ["GetDatabaseInfo", "RecordAudit", "RecordAcknowledgementAudit"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_grid_query_returns_the_same_records_from_snowflake_as_from_duckdb()
    {
        var path = TestTerritory.CreateCopy();
        using var duckDb = new DuckDbSource(path);
        var embedded = new GridQueries(duckDb);
        var sample = (await embedded.GetFeederAsync("FDR-001-01", Token))!;
        // Rows for the alarm queries the generated history leaves empty: a chattering fuse and an audited alarm action.
        await duckDb.ExecuteAsync(AlarmHistorySeed.Faults("FUS-001-01-01", TestTerritory.AsOf.AddDays(-2), count: 3, apart: TimeSpan.FromSeconds(20)), Token);
        await duckDb.ExecuteAsync(QueryCatalog.Request("RecordAudit", "AUDIT-PARITY", TestTerritory.AsOf, "op.parity", "ACKNOWLEDGE_ALARM", sample.CircuitId, "seen"), Token);
        var api = new FakeSqlApi { Default = call => DuckDbBackedSqlApi.Answer(path, call) };
        using var host = new SnowflakeTestSource(api);
        var snowflake = new GridQueries(host.Source);

        var nonEmpty = 0;
        foreach (var method in GridQueryCalls.Methods())
        {
            var expected = await GridQueryCalls.InvokeAsync(embedded, method, sample.CircuitId, sample.SubstationId, Token);
            var actual = await GridQueryCalls.InvokeAsync(snowflake, method, sample.CircuitId, sample.SubstationId, Token);

            // Compared as sets of records: a query without ORDER BY (the map's bulk load) may return rows in any order.
            Assert.True(
                expected.Select(r => r?.ToString()).Order(StringComparer.Ordinal).SequenceEqual(actual.Select(r => r?.ToString()).Order(StringComparer.Ordinal)),
                $"GridQueries.{method.Name}: Snowflake records differ from DuckDB's.");
            nonEmpty += expected.Any(r => r is not null) ? 1 : 0;
        }

        Assert.True(nonEmpty >= GridQueryCalls.Methods().Count - 2, $"only {nonEmpty} queries returned rows; the comparison proves little");
    }

    [Fact]
    public async Task Every_query_file_sends_one_binding_per_placeholder()
    {
        var api = new FakeSqlApi { Default = call => FakeSqlApi.MultiStatement(call) ?? FakeSqlApi.ResultSet([], []) };
        using var host = new SnowflakeTestSource(api);
        var queries = new GridQueries(host.Source);
        foreach (var method in GridQueryCalls.Methods())
        {
            await GridQueryCalls.InvokeAsync(queries, method, "C-1", "S-1", Token);
        }

        await new GridCommands(host.Source).AcknowledgeAlarmAsync("NEW-OUT-1", "op", "comment", DateTimeOffset.UnixEpoch, Token);

        var sent = api.Submissions.Select(c => c.Json).ToDictionary(
            body => body.GetProperty("statement").GetString()!,
            body => body.TryGetProperty("bindings", out var b) ? b.EnumerateObject().Count() : 0,
            StringComparer.Ordinal);
        // Every statement sent carries exactly one binding per placeholder; the read API must reach most query files.
        Assert.All(sent, pair => Assert.Equal(Placeholders(pair.Key), pair.Value));
        var reached = QueryCatalog.QueryNames().Except(EmbeddedOnly).Count(name => sent.ContainsKey(QueryCatalog.Query(name)));
        Assert.True(reached >= 20, $"GridQueries sent only {reached} query files");
    }

    [Fact]
    public async Task An_acknowledgement_and_its_audit_row_go_to_snowflake_as_bound_statements_in_order()
    {
        // The SQL API cannot bind inside a multi-statement request, so a bound batch is sent statement by statement.
        var api = new FakeSqlApi { Default = call => FakeSqlApi.ResultSet([], []) };
        using var host = new SnowflakeTestSource(api);

        await new GridCommands(host.Source).AcknowledgeAlarmAsync("NEW-OUT-1", "op", "comment", DateTimeOffset.UnixEpoch, Token);

        var submissions = api.Submissions.Select(c => c.Json).ToList();
        Assert.Equal(2, submissions.Count);
        Assert.Equal(QueryCatalog.Query("AcknowledgeAlarm"), submissions[0].GetProperty("statement").GetString());
        Assert.Equal(QueryCatalog.Query("RecordAcknowledgementAudit"), submissions[1].GetProperty("statement").GetString());
        foreach (var submission in submissions)
        {
            Assert.Equal("1", submission.GetProperty("parameters").GetProperty("multi_statement_count").GetString());
            Assert.Equal(Placeholders(submission.GetProperty("statement").GetString()!), submission.GetProperty("bindings").EnumerateObject().Count());
        }

        Assert.Equal("op", submissions[0].GetProperty("bindings").GetProperty("2").GetProperty("value").GetString());
        Assert.Equal("NEW-OUT-1", submissions[1].GetProperty("bindings").GetProperty("2").GetProperty("value").GetString());
    }

    // Counts ? outside string literals and -- comments.
    private static int Placeholders(string sql)
    {
        var count = 0;
        var inQuote = false;
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            if (!inQuote && c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                i = sql.IndexOf('\n', i) is var end and >= 0 ? end : sql.Length;
                continue;
            }

            inQuote ^= c == '\'';
            count += !inQuote && c == '?' ? 1 : 0;
        }

        return count;
    }
}
