using Flux.OpsCenter.Data;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>
/// Wraps a real source and, while <see cref="Failing"/> is set, replaces the last statement of every batch with one that
/// fails in the database, like a disk that fills up between a write and its audit row.
/// </summary>
internal sealed class FailingLastStatementSource(ISqlSource inner) : ISqlSource
{
    public bool Failing { get; set; } = true;

    public DataSourceKind Kind => inner.Kind;

    public Task<IReadOnlyList<T>> QueryAsync<T>(SqlRequest request, Func<ISqlRow, T> map, CancellationToken cancellationToken) =>
        inner.QueryAsync(request, map, cancellationToken);

    public Task<long> ExecuteAsync(SqlRequest request, CancellationToken cancellationToken) => inner.ExecuteAsync(request, cancellationToken);

    public Task<IReadOnlyList<long>> ExecuteBatchAsync(IReadOnlyList<SqlRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (!Failing || requests.Count == 0)
        {
            return inner.ExecuteBatchAsync(requests, cancellationToken);
        }

        var last = requests[^1] with { Text = "INSERT INTO APPLICATIONS.NO_SUCH_TABLE VALUES (1)", Arguments = [] };
        return inner.ExecuteBatchAsync([.. requests.Take(requests.Count - 1), last], cancellationToken);
    }
}
