using System.Diagnostics;
using DuckDB.NET.Data;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Data.Synthetic;

namespace Flux.OpsCenter.Data.Embedded;

/// <summary>
/// Opens the embedded DuckDB file, or creates it by generating the territory into a temporary file that
/// replaces the target only when complete. Refuses corrupt, foreign or older files with a message that
/// names the path and the switch that rebuilds it.
/// </summary>
public static class EmbeddedDatabase
{
    /// <summary>Bumped whenever tables or views change shape; older files must be rebuilt.</summary>
    /// <remarks>
    /// 3: alarm acknowledgements; seven years of outage history, which the Major Event Day threshold needs; the cascade graph.
    /// 4: the per-circuit connectivity summary the status views read.
    /// 5: the telemetry clock, so the data clock moves with the feed between events.
    /// 6: switching devices with their hierarchy, sectionalizers, names and live state (issue #17).
    /// 7: a coherent history (no load while de-energised, no outage before commissioning, outages count the accounts open
    /// then, nothing after the clock), feeders rated from conductor and voltage, a tracked hurricane; system capacity in MVA.
    /// 8: switching plans and their steps (APPLICATIONS.SWITCHING_PLANS, SWITCHING_PLAN_STEPS).
    /// 9: ISA-18.2 alarms: the alarm history with its priority, alarm shelves, suppression and returned-to-normal (issue #12).
    /// 10: weather by station (ten Houston-area airports, keyed by time and station) and the vegetation view's fall zone and band.
    /// 11: the outage lifecycle (stages, transition events, restored sections) and the view that derives each outage's stage.
    /// 12: a restored section's own event raises no alarm of its own (APPLICATIONS.ALARM_HISTORY).
    /// </remarks>
    public const int SchemaVersion = 13;

    /// <summary>The command-line switch that deletes and regenerates the file.</summary>
    public const string RebuildSwitch = "--OpsCenter:Embedded:Rebuild=true";

    /// <summary>Ensures a complete database exists at <paramref name="path"/> and returns what it holds.</summary>
    public static DatabaseInfo EnsureCreated(string path, EmbeddedOptions options, IProgress<GenerationProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fullPath = Path.GetFullPath(path);
        if (options.Rebuild)
        {
            Delete(fullPath);
        }

        if (File.Exists(fullPath))
        {
            var existing = Validate(fullPath);
            RefreshViews(fullPath);
            return existing;
        }

        var preset = TerritoryPreset.Parse(options.Preset);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var temporary = fullPath + ".building";
        Delete(temporary);
        var asOf = options.AsOf ?? DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        DatabaseInfo info;
        using (var connection = new DuckDBConnection($"DataSource={temporary}"))
        {
            connection.Open();
            RunScripts(connection, "Sql/Schema/");
            var generator = new TerritoryGenerator(preset, options.Seed, asOf);
            generator.Generate(connection, progress);
            progress?.Report(new GenerationProgress("Building views", 0.98, clock.Elapsed));
            RunScripts(connection, "Sql/Views/");
            info = new DatabaseInfo(SchemaVersion, preset.Name, options.Seed, DateTimeOffset.UtcNow,
                new DateTimeOffset(generator.AsOfHour, TimeSpan.Zero), true);
            using (var command = connection.CreateCommand())
            {
                command.CommandText = QueryCatalog.Resource("Sql/Embedded/InsertDatabaseInfo.sql");
                command.Parameters.Add(new DuckDBParameter(info.SchemaVersion));
                command.Parameters.Add(new DuckDBParameter(info.Preset));
                command.Parameters.Add(new DuckDBParameter((long)info.Seed));
                command.Parameters.Add(new DuckDBParameter(info.GeneratedAt.UtcDateTime));
                command.Parameters.Add(new DuckDBParameter(info.DataAsOf.UtcDateTime));
                command.Parameters.Add(new DuckDBParameter(info.TerritoryReady));
                command.ExecuteNonQuery();
            }

            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "CHECKPOINT";
            checkpoint.ExecuteNonQuery();
        }

        File.Move(temporary, fullPath, overwrite: true);
        progress?.Report(new GenerationProgress("Ready", 1.0, clock.Elapsed));
        return info;
    }

    /// <summary>Reads the info row of an existing file, or throws a message naming the path and the rebuild switch.</summary>
    public static DatabaseInfo Validate(string fullPath)
    {
        try
        {
            // Same settings as the source that will share this file, since DuckDB keeps one instance per file and configuration.
            using var connection = new DuckDBConnection($"DataSource={fullPath}");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = QueryCatalog.Query("GetDatabaseInfo");
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                throw Refuse(fullPath, "it has no territory information row, so its generation never finished");
            }

            var row = new DbDataRow(reader, DataSourceKind.Embedded);
            var info = new DatabaseInfo(
                (int)row.GetInt64("SCHEMA_VERSION"),
                row.GetString("PRESET"),
                (int)row.GetInt64("SEED"),
                row.GetTimestamp("GENERATED_AT"),
                row.GetTimestamp("DATA_AS_OF"),
                row.GetBoolean("TERRITORY_READY"));
            if (info.SchemaVersion != SchemaVersion)
            {
                throw Refuse(fullPath, $"it was written with schema version {info.SchemaVersion}, this build needs version {SchemaVersion}");
            }

            return !info.TerritoryReady ? throw Refuse(fullPath, "its territory generation did not complete") : info;
        }
        catch (DuckDBException ex) when (ex.Message.Contains("does not exist", StringComparison.OrdinalIgnoreCase))
        {
            throw Refuse(fullPath, "it is a DuckDB file but not a Flux Operations Center database", ex);
        }
        catch (DuckDBException ex) when (IsAccessDenied(ex))
        {
            // Rebuilding would delete the acknowledgements and audit trail the file holds: the fix is access, not a new file.
            throw new FluxDataException(DataSourceKind.Embedded, DataErrorKind.Unavailable,
                $"The embedded database '{fullPath}' cannot be opened: this process may not read and write it ({FirstLine(ex.Message)}). " +
                "Give the user the app runs as read and write access to the file and its folder (DuckDB also writes a .wal beside it); " +
                "do not rebuild it, that would delete its acknowledgements and audit trail.", ex);
        }
        catch (DuckDBException ex)
        {
            throw Refuse(fullPath, $"it cannot be opened as a DuckDB database ({FirstLine(ex.Message)})", ex);
        }
    }

    /// <summary>
    /// Re-creates every view from this build's view files: views are code and follow the build, tables are data
    /// and stay. Cheap (no data is touched), so it runs on every start.
    /// </summary>
    public static void RefreshViews(string fullPath)
    {
        using var connection = new DuckDBConnection($"DataSource={fullPath}");
        connection.Open();
        RunScripts(connection, "Sql/Views/");
    }

    /// <summary>
    /// Rewrites PRODUCTION.CIRCUIT_CONNECTIVITY from the transformer, meter and customer tables; run after writing them.
    /// </summary>
    public static void SummarizeCircuitConnectivity(DuckDBConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        RunScripts(connection, "Sql/Embedded/SummarizeCircuitConnectivity.sql");
    }

    /// <summary>Creates the four schemas, their tables and the views in an empty database.</summary>
    public static void CreateSchemaAndViews(DuckDBConnection connection)
    {
        RunScripts(connection, "Sql/Schema/");
        RunScripts(connection, "Sql/Views/");
    }

    private static void RunScripts(DuckDBConnection connection, string prefix)
    {
        foreach (var resource in QueryCatalog.ResourceNames(prefix))
        {
            foreach (var statement in SqlScript.Split(QueryCatalog.Resource(resource)))
            {
                using var command = connection.CreateCommand();
                command.CommandText = statement;
                try
                {
                    command.ExecuteNonQuery();
                }
                catch (DuckDBException ex)
                {
                    throw new FluxDataException(DataSourceKind.Embedded, DataErrorKind.Query, $"{resource} failed: {ex.Message}", ex);
                }
            }
        }
    }

    private static bool IsAccessDenied(DuckDBException ex) =>
        ex.Message.Contains("Permission denied", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase);

    private static FluxDataException Refuse(string path, string reason, Exception? inner = null) =>
        new(DataSourceKind.Embedded, DataErrorKind.Unavailable,
            $"The embedded database '{path}' cannot be used: {reason}. Start once with {RebuildSwitch} (or set OpsCenter__Embedded__Rebuild=true) to delete and regenerate it, or point OpsCenter:Embedded:DatabasePath elsewhere.",
            inner);

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private static void Delete(string path)
    {
        if (!Directory.Exists(Path.GetDirectoryName(path)))
        {
            return;
        }

        File.Delete(path);
        File.Delete(path + ".wal");
    }
}
