using DuckDB.NET.Data;
using Flux.OpsCenter.Data.Analysis;
using Flux.OpsCenter.Data.Queries;

namespace Flux.OpsCenter.Data.Embedded;

/// <summary>
/// Derives the grid graph and exact centrality from the embedded file's network tables once, at first start, in one
/// transaction: a process stopped half-way leaves nothing behind and the next start does it again. It is a background job,
/// not part of generation, because it takes ~15 s at houston scale and the territory is usable without it.
/// </summary>
public sealed class EmbeddedGridGraphPreparer(Func<DuckDbSource> source) : IGridGraphPreparer
{
    public Task PrepareAsync(DateTime computedAt, Action<string> reportStage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reportStage);
        return Task.Run(() => Prepare(computedAt, reportStage), cancellationToken);
    }

    /// <summary>True when the graph was written, false when the file already held it.</summary>
    public bool Prepare(DateTime computedAt, Action<string> reportStage)
    {
        ArgumentNullException.ThrowIfNull(reportStage);
        using var connection = source().OpenConnection();
        if (Scalar(connection, QueryCatalog.Resource("Sql/Embedded/CountGridGraph.sql")) > 0)
        {
            return false;
        }

        var committed = false;
        Execute(connection, "BEGIN TRANSACTION");
        try
        {
            Execute(connection, QueryCatalog.Resource("Sql/Embedded/ClearGridGraph.sql"));
            reportStage("Building the grid graph from the network tables");
            Execute(connection, QueryCatalog.Resource("Synthetic/Sql/BuildGridGraph.sql"));
            CascadeAnalysisWriter.Write(connection, computedAt, (stage, _) => reportStage(stage));
            Execute(connection, "COMMIT");
            committed = true;
            return true;
        }
        catch (DuckDBException ex)
        {
            throw new FluxDataException(DataSourceKind.Embedded, DataErrorKind.Query, $"Building the grid graph failed: {ex.Message}", ex);
        }
        finally
        {
            if (!committed)
            {
                Execute(connection, "ROLLBACK");
            }
        }
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
