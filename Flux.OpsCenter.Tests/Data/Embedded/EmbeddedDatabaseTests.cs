using DuckDB.NET.Data;
using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Data.Embedded;

public sealed class EmbeddedDatabaseTests
{
    [Fact]
    public void Existing_file_is_reused_without_regeneration()
    {
        var path = TestTerritory.CreateCopy();
        var generated = EmbeddedDatabase.Validate(path).GeneratedAt;

        var info = EmbeddedDatabase.EnsureCreated(path, TestTerritory.Options(path), progress: null);

        Assert.Equal(generated, info.GeneratedAt);
        Assert.Equal("small", info.Preset);
        Assert.Equal(EmbeddedDatabase.SchemaVersion, info.SchemaVersion);
        Assert.True(info.TerritoryReady);
    }

    [Fact]
    public void Corrupt_file_is_refused_with_its_path_and_the_rebuild_switch()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("flux-corrupt-").FullName, "broken.duckdb");
        File.WriteAllBytes(path, [.. Enumerable.Range(0, 8192).Select(i => (byte)(i * 7))]);

        var error = Assert.Throws<FluxDataException>(() => EmbeddedDatabase.EnsureCreated(path, TestTerritory.Options(path), progress: null));

        Assert.Equal(DataErrorKind.Unavailable, error.Kind);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(EmbeddedDatabase.RebuildSwitch, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Foreign_duckdb_file_is_refused_as_not_ours()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("flux-foreign-").FullName, "other.duckdb");
        using (var connection = new DuckDBConnection($"DataSource={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE invoices(id INTEGER)";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<FluxDataException>(() => EmbeddedDatabase.EnsureCreated(path, TestTerritory.Options(path), progress: null));

        Assert.Contains("not a Flux Operations Center database", error.Message, StringComparison.Ordinal);
        Assert.Contains(EmbeddedDatabase.RebuildSwitch, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Older_schema_version_is_refused()
    {
        var path = TestTerritory.CreateCopy();
        using (var connection = new DuckDBConnection($"DataSource={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE APPLICATIONS.FLUX_DATABASE_INFO SET SCHEMA_VERSION = 0";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<FluxDataException>(() => EmbeddedDatabase.EnsureCreated(path, TestTerritory.Options(path), progress: null));

        Assert.Contains("schema version 0", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rebuild_switch_regenerates_a_refused_file()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("flux-rebuild-").FullName, "broken.duckdb");
        File.WriteAllText(path, "not a database");
        var options = TestTerritory.Options(path);
        options.Rebuild = true;

        var info = EmbeddedDatabase.EnsureCreated(path, options, progress: null);

        Assert.True(info.TerritoryReady);
        Assert.True(ViewQueries.Long(path, "SELECT COUNT(*) FROM PRODUCTION.SUBSTATIONS") > 0);
    }
}
