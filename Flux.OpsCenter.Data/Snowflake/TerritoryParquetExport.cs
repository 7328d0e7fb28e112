using DuckDB.NET.Data;

namespace Flux.OpsCenter.Data.Snowflake;

/// <summary>
/// Exports every contract table of an embedded DuckDB file to one Parquet file per table
/// (<c>SCHEMA.TABLE.parquet</c>), the standalone demo's way to put the generated territory into Snowflake.
/// </summary>
public static class TerritoryParquetExport
{
    /// <summary>Writes the Parquet files into <paramref name="outputDirectory"/> and returns their paths.</summary>
    public static IReadOnlyList<string> Export(string databasePath, string outputDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        if (!File.Exists(databasePath))
        {
            throw new FluxDataException(DataSourceKind.Embedded, DataErrorKind.Unavailable, $"The embedded database '{databasePath}' does not exist; start the app once to generate it.");
        }

        var directory = Directory.CreateDirectory(outputDirectory).FullName;
        var paths = new List<string>();
        using var source = new Embedded.DuckDbSource(Path.GetFullPath(databasePath));
        // The grid graph and its centrality are derived at the app's first start; a file exported before that gets them now.
        new Embedded.EmbeddedGridGraphPreparer(() => source).Prepare(DateTime.UtcNow, _ => { });
        using var connection = source.OpenConnection();
        // Likewise the telemetry days written after the first start served the file.
        Synthetic.TelemetryHistoryFiller.FillPending(connection, progress: null, CancellationToken.None);
        foreach (var (schema, table) in SnowflakeScriptWriter.Tables())
        {
            var path = Path.Combine(directory, $"{schema}.{table}.parquet");
            using var command = connection.CreateCommand();

            // COPY takes neither a parameter for its target nor for the table: both are ours (schema files and the
            // operator's own directory), and the path's quotes are doubled.
            command.CommandText = $"COPY (SELECT * FROM {schema}.{table}) TO '{path.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT PARQUET)";
            try
            {
                command.ExecuteNonQuery();
            }
            catch (DuckDBException ex)
            {
                throw new FluxDataException(DataSourceKind.Embedded, DataErrorKind.Query, $"Exporting {schema}.{table} to Parquet failed: {ex.Message}", ex);
            }

            paths.Add(path);
        }

        return paths;
    }
}
