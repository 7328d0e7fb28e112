using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Snowflake;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Data.Snowflake;

/// <summary>
/// Every query and view is valid Snowflake SQL, as Snowflake's own grammar sees it rather than DuckDB's: each statement
/// of every file under Flux.OpsCenter.Data/Queries and Flux.OpsCenter.Data/Sql (schema and views as translated for
/// Snowflake), and of the generated table and view scripts, is parsed by npm node-sql-parser's Snowflake grammar
/// (tools/snowflake-dialect). A construct that grammar lacks but Snowflake documents is listed once in
/// tools/snowflake-dialect/allow-list.json with its doc URL; the statement is then parsed with the entry's stand-in,
/// so the rest of it is still checked. Anything else that does not parse fails.
/// </summary>
public sealed partial class SnowflakeDialectTests
{
    private static readonly string Tool = Path.Combine(RepositoryRoot.Path, "tools", "snowflake-dialect");
    private static readonly Lazy<IReadOnlyList<AllowedConstruct>> Allowed = new(LoadAllowList);

    [Fact]
    public void Every_query_view_and_generated_script_parses_as_snowflake_sql()
    {
        var statements = Statements();
        var firstPass = Parse(statements);
        var failures = new List<string>();
        var retried = new List<SqlStatement>();
        foreach (var statement in statements.Where(s => firstPass[s.Id] is not null))
        {
            var standIn = Allowed.Value.Where(a => a.Matches(statement.Sql)).Aggregate(statement.Sql, (sql, a) => a.Apply(sql));
            if (standIn == statement.Sql)
            {
                failures.Add($"{statement.Id}: {firstPass[statement.Id]}");
                continue;
            }

            retried.Add(statement with { Sql = standIn });
        }

        var secondPass = Parse(retried);
        failures.AddRange(retried.Where(s => secondPass[s.Id] is not null).Select(s => $"{s.Id} (allow-listed construct replaced): {secondPass[s.Id]}"));

        Assert.True(statements.Count > 100, $"only {statements.Count} statements found");
        Assert.True(failures.Count == 0, "Not Snowflake SQL (fix it, or list a documented construct in tools/snowflake-dialect/allow-list.json):\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Every_allow_list_entry_cites_the_snowflake_docs_and_is_still_needed()
    {
        var statements = Statements();
        var failing = Parse(statements);

        Assert.All(Allowed.Value, entry =>
        {
            Assert.StartsWith("https://docs.snowflake.com/", entry.Docs, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(entry.ParserGap), entry.Construct);
            Assert.True(statements.Any(s => failing[s.Id] is not null && entry.Matches(s.Sql)),
                $"No statement that fails to parse uses '{entry.Construct}': remove it from the allow-list");
        });
    }

    [Fact]
    public void The_parser_rejects_what_snowflake_rejects()
    {
        // A check that cannot fail proves nothing: DuckDB-only syntax must not get through.
        var results = Parse([
            new SqlStatement("duckdb-from-first", "FROM t SELECT x"),
            new SqlStatement("duckdb-insert-or-replace", "INSERT OR REPLACE INTO t VALUES (1)"),
            new SqlStatement("duckdb-named-argument", "SELECT struct_pack(a := 1) FROM t"),
            new SqlStatement("typo", "SELEC x FROM t"),
            new SqlStatement("valid", "SELECT CAST(x AS INTEGER) FROM t WHERE y = :1 LIMIT :2"),
        ]);

        Assert.All(results.Where(r => r.Key != "valid"), r => Assert.NotNull(r.Value));
        Assert.Null(results["valid"]);
    }

    /// <summary>Every statement to check, with positional binds written as Snowflake's numbered :n binds.</summary>
    private static List<SqlStatement> Statements()
    {
        var data = Path.Combine(RepositoryRoot.Path, "Flux.OpsCenter.Data");
        var files = Directory.GetFiles(Path.Combine(data, "Queries"), "*.sql", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(data, "Sql"), "*.sql", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(path => (Name: Path.GetRelativePath(data, path).Replace('\\', '/'), Text: File.ReadAllText(path)))
            // Schema and views reach Snowflake translated (spcs/sql/05 and 06); queries are sent as they are.
            .Select(f => f.Name.StartsWith("Sql/Schema/", StringComparison.Ordinal) || f.Name.StartsWith("Sql/Views/", StringComparison.Ordinal)
                ? f with { Text = SnowflakeScriptWriter.Translate(f.Text) }
                : f)
            .Concat(new[] { SnowflakeScriptWriter.TablesScript, SnowflakeScriptWriter.ViewsScript }.Select(name =>
                (Name: $"spcs/sql/{name}", Text: File.ReadAllText(Path.Combine(RepositoryRoot.Path, "spcs", "sql", name)).Replace("<% database %>", "FLUX_OPS", StringComparison.Ordinal))));
        return [.. files.SelectMany(f => SqlScript.Split(f.Text).Select((sql, i) => new SqlStatement($"{f.Name}#{i + 1}", NumberedBinds(sql))))];
    }

    /// <summary>Rewrites each ? outside string literals as :1, :2, …; Snowflake documents both bind forms.</summary>
    private static string NumberedBinds(string sql)
    {
        var text = new StringBuilder(sql.Length + 16);
        var inQuote = false;
        var bind = 0;
        foreach (var c in sql)
        {
            inQuote ^= c == '\'';
            if (c == '?' && !inQuote)
            {
                text.Append(':').Append(++bind);
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static Dictionary<string, string?> Parse(IReadOnlyList<SqlStatement> statements)
    {
        if (statements.Count == 0)
        {
            return [];
        }

        var start = new ProcessStartInfo("node", ["parse.js"])
        {
            WorkingDirectory = Tool,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var error = node.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        node.StandardInput.Write(JsonSerializer.Serialize(statements.Select(s => new { id = s.Id, sql = s.Sql })));
        node.StandardInput.Close();
        var output = node.StandardOutput.ReadToEnd();
        node.WaitForExit();
        Assert.True(node.ExitCode == 0, $"node parse.js failed (run npm ci in tools/snowflake-dialect): {error.Result}");
        using var json = JsonDocument.Parse(output);
        return json.RootElement.EnumerateArray().ToDictionary(
            r => r.GetProperty("id").GetString()!,
            r => r.GetProperty("error").ValueKind == JsonValueKind.Null ? null : r.GetProperty("error").GetString(),
            StringComparer.Ordinal);
    }

    private static IReadOnlyList<AllowedConstruct> LoadAllowList()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Tool, "allow-list.json")));
        return [.. json.RootElement.EnumerateArray().Select(e => new AllowedConstruct(
            e.GetProperty("construct").GetString()!,
            e.GetProperty("docs").GetString()!,
            e.GetProperty("parserGap").GetString()!,
            new Regex(e.GetProperty("pattern").GetString()!, RegexOptions.CultureInvariant),
            e.GetProperty("standIn").GetString()!))];
    }

    private sealed record SqlStatement(string Id, string Sql);

    /// <summary>One allow-list entry: a documented construct the grammar lacks, and what to parse in its place.</summary>
    private sealed record AllowedConstruct(string Construct, string Docs, string ParserGap, Regex Pattern, string StandIn)
    {
        public bool Matches(string sql) => Pattern.IsMatch(sql);

        public string Apply(string sql) => Pattern.Replace(sql, StandIn);
    }
}
