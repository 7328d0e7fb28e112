using System.Text;
using System.Text.RegularExpressions;
using Flux.OpsCenter.Data.Queries;

namespace Flux.OpsCenter.Data.Snowflake;

/// <summary>
/// Writes the snow-CLI scripts that create the contract's tables and views in Snowflake from the very same
/// <c>Sql/Schema</c> and <c>Sql/Views</c> files the embedded database runs, plus the script that loads a Parquet export.
/// The files are written in the DuckDB/Snowflake common subset; <see cref="Translate"/> covers the few differences.
/// </summary>
public static partial class SnowflakeScriptWriter
{
    /// <summary>The command that rewrites the generated scripts under <c>spcs/sql</c>.</summary>
    public const string RegenerateCommand = "dotnet run spcs/flux-snowflake.cs -- scripts";

    public const string TablesScript = "05_tables.generated.sql";
    public const string ViewsScript = "06_views.generated.sql";
    public const string LoadScript = "07_load_demo_data.generated.sql";

    /// <summary>
    /// Every script but the service's runs as ACCOUNTADMIN, so the tables and views have the owner whose future grants
    /// (spcs/sql/03_roles.sql) hand them to the service role.
    /// </summary>
    private const string UseAdminRole = "USE ROLE ACCOUNTADMIN;\n";

    /// <summary>Stage the demo Parquet files go through.</summary>
    public const string DemoStage = "APPLICATIONS.FLUX_DEMO_STAGE";

    /// <summary>Every generated script, by file name, exactly as it should be committed.</summary>
    public static IReadOnlyDictionary<string, string> Generate() => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [TablesScript] = Concatenate("Sql/Schema/", TablesScript, "the contract's schemas and tables"),
        [ViewsScript] = Concatenate("Sql/Views/", ViewsScript, "the views the dashboard reads"),
        [LoadScript] = LoadDemoData(),
    };

    /// <summary>Writes every generated script into <paramref name="directory"/> and returns their paths.</summary>
    public static IReadOnlyList<string> Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var (name, text) in Generate())
        {
            var path = Path.Combine(directory, name);
            File.WriteAllText(path, text, new UTF8Encoding(false));
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>Every table the schema files create, as (schema, table), in file order.</summary>
    public static IReadOnlyList<(string Schema, string Table)> Tables() =>
        [.. QueryCatalog.ResourceNames("Sql/Schema/")
            .SelectMany(resource => CreateTable().Matches(QueryCatalog.Resource(resource)))
            .Select(match => (match.Groups["schema"].Value, match.Groups["table"].Value))];

    /// <summary>
    /// Rewrites DuckDB-dialect SQL for Snowflake. Two rules, both where the dialects really differ:
    /// the type <c>TIMESTAMP</c> becomes <c>TIMESTAMP_NTZ</c> (Snowflake's bare TIMESTAMP follows the account's
    /// TIMESTAMP_TYPE_MAPPING, while our data is UTC wall-clock time), and <c>EXTRACT(EPOCH FROM …)</c> becomes
    /// <c>EXTRACT(EPOCH_SECOND FROM …)</c>, Snowflake's documented name for that date part.
    /// </summary>
    public static string Translate(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var text = BareTimestampType().Replace(sql, "TIMESTAMP_NTZ");
        return ExtractEpoch().Replace(text, "EXTRACT(EPOCH_SECOND FROM");
    }

    private static string Concatenate(string prefix, string scriptName, string what)
    {
        var text = new StringBuilder();
        Header(text, $"Creates {what} in Snowflake.", $"snow sql -f spcs/sql/{scriptName} -D database=FLUX_OPS");
        text.Append(UseAdminRole);
        text.Append("USE DATABASE <% database %>;\n");
        foreach (var resource in QueryCatalog.ResourceNames(prefix))
        {
            text.Append('\n').Append("-- from Flux.OpsCenter.Data/").Append(resource).Append('\n');
            text.Append(Translate(QueryCatalog.Resource(resource).Replace("\r\n", "\n", StringComparison.Ordinal)).TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    private static string LoadDemoData()
    {
        var text = new StringBuilder();
        Header(text, "Loads a Parquet export of the generated territory (dotnet run spcs/flux-snowflake.cs -- export-parquet) into the tables.",
            $"snow sql -f spcs/sql/{LoadScript} -D database=FLUX_OPS -D export_dir=/absolute/path/to/export");
        text.Append(UseAdminRole);
        text.Append("USE DATABASE <% database %>;\n");
        text.Append($"CREATE STAGE IF NOT EXISTS {DemoStage} FILE_FORMAT = (TYPE = PARQUET);\n");
        foreach (var (schema, table) in Tables())
        {
            var name = $"{schema}.{table}";
            text.Append('\n');
            text.Append($"PUT file://<% export_dir %>/{name}.parquet @{DemoStage}/{name} AUTO_COMPRESS = FALSE OVERWRITE = TRUE;\n");
            text.Append($"TRUNCATE TABLE IF EXISTS {name};\n");
            text.Append($"COPY INTO {name} FROM @{DemoStage}/{name} FILE_FORMAT = (TYPE = PARQUET) MATCH_BY_COLUMN_NAME = CASE_INSENSITIVE FORCE = TRUE;\n");
        }

        return text.ToString();
    }

    private static void Header(StringBuilder text, string purpose, string run)
    {
        text.Append("-- GENERATED by Flux.OpsCenter.Data.Snowflake.SnowflakeScriptWriter; do not edit.\n");
        text.Append("-- Regenerate with: ").Append(RegenerateCommand).Append('\n');
        text.Append("-- ").Append(purpose).Append('\n');
        text.Append("-- Run with: ").Append(run).Append('\n');
    }

    [GeneratedRegex(@"CREATE\s+TABLE\s+IF\s+NOT\s+EXISTS\s+(?<schema>[A-Z_]+)\.(?<table>[A-Z0-9_]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"\bTIMESTAMP\b(?!_)")]
    private static partial Regex BareTimestampType();

    [GeneratedRegex(@"EXTRACT\s*\(\s*EPOCH\s+FROM", RegexOptions.IgnoreCase)]
    private static partial Regex ExtractEpoch();
}
