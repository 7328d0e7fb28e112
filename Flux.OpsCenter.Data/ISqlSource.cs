namespace Flux.OpsCenter.Data;

/// <summary>
/// The seam between the read API and a database: runs one parameterised statement and maps each row.
/// Implementations throw <see cref="FluxDataException"/> for every failure except cancellation.
/// </summary>
public interface ISqlSource
{
    /// <summary>Which source this is, for errors and the UI.</summary>
    DataSourceKind Kind { get; }

    /// <summary>Runs a query and maps every row with <paramref name="map"/>.</summary>
    Task<IReadOnlyList<T>> QueryAsync<T>(SqlRequest request, Func<ISqlRow, T> map, CancellationToken cancellationToken);

    /// <summary>Runs a statement that returns no rows and reports the number of rows it changed.</summary>
    Task<long> ExecuteAsync(SqlRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Runs statements that return no rows as one transaction (a write and its audit row, a fault and its work order):
    /// all of them commit or none does. Reports the rows each changed, in order. Snowflake's SQL API cannot bind values in
    /// a multi-statement request, so there a bound batch runs statement by statement: batches are written so that each
    /// statement is idempotent and running the batch again completes it.
    /// </summary>
    Task<IReadOnlyList<long>> ExecuteBatchAsync(IReadOnlyList<SqlRequest> requests, CancellationToken cancellationToken);
}
