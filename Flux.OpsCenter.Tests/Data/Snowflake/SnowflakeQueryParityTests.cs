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
        var sample = (await embedded.GetFeedersAsync(Token))[0];
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
    public async Task An_acknowledgement_and_its_audit_row_go_to_snowflake_as_one_transaction()
    {
        var api = new FakeSqlApi { Default = call => FakeSqlApi.MultiStatement(call) ?? FakeSqlApi.ResultSet([], []) };
        using var host = new SnowflakeTestSource(api);

        var written = await new GridCommands(host.Source).AcknowledgeAlarmAsync("NEW-OUT-1", "op", "comment", DateTimeOffset.UnixEpoch, Token);

        Assert.True(written);
        var request = Assert.Single(api.Submissions).Json;
        var statement = request.GetProperty("statement").GetString()!;
        Assert.StartsWith("BEGIN TRANSACTION;", statement, StringComparison.Ordinal);
        Assert.EndsWith(";\nCOMMIT", statement, StringComparison.Ordinal);
        Assert.Contains(QueryCatalog.Query("AcknowledgeAlarm").TrimEnd(), statement, StringComparison.Ordinal);
        Assert.Contains(QueryCatalog.Query("RecordAcknowledgementAudit").TrimEnd(), statement, StringComparison.Ordinal);
        Assert.Equal("4", request.GetProperty("parameters").GetProperty("multi_statement_count").GetString());
        Assert.Equal(Placeholders(statement), request.GetProperty("bindings").EnumerateObject().Count());
        // Each statement's own count is read from its handle; BEGIN and COMMIT are not.
        Assert.Equal(["/api/v2/statements/01b-multi-1", "/api/v2/statements/01b-multi-2"],
            api.Calls.Where(c => c.Method == "GET").Select(c => c.Path).Order(StringComparer.Ordinal));
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
