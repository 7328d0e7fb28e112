using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Data.Snowflake;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Data.Snowflake;

/// <summary>The committed Snowflake scripts are generated from the embedded Sql/ files and stay current.</summary>
public sealed class SnowflakeScriptWriterTests
{
    [Fact]
    public void Committed_generated_scripts_match_what_the_generator_writes_now()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "spcs", "sql");

        foreach (var (name, expected) in SnowflakeScriptWriter.Generate())
        {
            var path = Path.Combine(folder, name);
            Assert.True(File.Exists(path), $"spcs/sql/{name} is missing. Run from the repository root: {SnowflakeScriptWriter.RegenerateCommand}");
            Assert.True(expected == File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal),
                $"spcs/sql/{name} is stale: the embedded Sql/ files changed. Run from the repository root: {SnowflakeScriptWriter.RegenerateCommand}");
        }
    }

    [Fact]
    public void Every_view_and_table_file_is_in_the_generated_scripts_in_order()
    {
        var scripts = SnowflakeScriptWriter.Generate();
        var views = scripts[SnowflakeScriptWriter.ViewsScript];
        var positions = QueryCatalog.ResourceNames("Sql/Views/").Select(r => views.IndexOf($"-- from Flux.OpsCenter.Data/{r}\n", StringComparison.Ordinal)).ToArray();

        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(
            QueryCatalog.ResourceNames("Sql/Views/").Sum(r => SqlScript.Split(QueryCatalog.Resource(r)).Count),
            SqlScript.Split(views).Count(s => s.StartsWith("CREATE OR REPLACE VIEW", StringComparison.Ordinal)));
        Assert.Contains("USE DATABASE <% database %>;", views, StringComparison.Ordinal);
        Assert.All(SnowflakeScriptWriter.Tables(), t => Assert.Contains($"COPY INTO {t.Schema}.{t.Table} ", scripts[SnowflakeScriptWriter.LoadScript], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("GENERATED_AT TIMESTAMP NOT NULL,", "GENERATED_AT TIMESTAMP_NTZ NOT NULL,")]
    [InlineData("CAST('1970-01-01 00:00:00' AS TIMESTAMP)", "CAST('1970-01-01 00:00:00' AS TIMESTAMP_NTZ)")]
    [InlineData("PREDICTION_TIMESTAMP TIMESTAMP_NTZ", "PREDICTION_TIMESTAMP TIMESTAMP_NTZ")]
    [InlineData("EXTRACT(EPOCH FROM o.OUTAGE_END_TIME)", "EXTRACT(EPOCH_SECOND FROM o.OUTAGE_END_TIME)")]
    [InlineData("x > y - INTERVAL '30 days'", "x > y - INTERVAL '30 days'")]
    public void Translation_rewrites_only_the_dialect_differences(string duckDb, string snowflake)
    {
        Assert.Equal(snowflake, SnowflakeScriptWriter.Translate(duckDb));
    }

    [Fact]
    public void Translated_views_keep_no_duckdb_only_syntax()
    {
        var views = SnowflakeScriptWriter.Generate()[SnowflakeScriptWriter.ViewsScript];

        Assert.DoesNotContain("EXTRACT(EPOCH FROM", views, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("::", views, StringComparison.Ordinal);
        Assert.DoesNotContain(" IFF(", views, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"AS TIMESTAMP_NTZ\)", views);
    }
}
