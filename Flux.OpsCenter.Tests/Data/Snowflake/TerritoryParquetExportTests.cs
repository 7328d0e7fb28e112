using DuckDB.NET.Data;
using Flux.OpsCenter.Data.Snowflake;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Data.Snowflake;

/// <summary>The standalone demo's export: one Parquet file per contract table, holding every row.</summary>
public sealed class TerritoryParquetExportTests
{
    [Fact]
    public void Every_table_is_exported_to_parquet_with_all_its_rows()
    {
        var database = TestTerritory.CreateCopy();
        var output = Directory.CreateTempSubdirectory("flux-parquet-").FullName;

        var files = TerritoryParquetExport.Export(database, output);

        Assert.Equal(SnowflakeScriptWriter.Tables().Count, files.Count);
        using var connection = new DuckDBConnection($"DataSource={database}");
        connection.Open();
        foreach (var table in new[] { "PRODUCTION.SUBSTATIONS", "PRODUCTION.OUTAGE_RESTORATION_TRACKER" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT (SELECT COUNT(*) FROM {table}) = (SELECT COUNT(*) FROM read_parquet('{Path.Combine(output, table + ".parquet")}'))";
            Assert.True((bool)command.ExecuteScalar()!, $"{table}.parquet row count differs");
        }
    }
}
