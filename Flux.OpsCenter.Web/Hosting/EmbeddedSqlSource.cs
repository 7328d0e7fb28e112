using Flux.OpsCenter.Data;

namespace Flux.OpsCenter.Web.Hosting;

/// <summary>
/// The embedded source as services see it: resolving it costs nothing, and the DuckDB file is opened (or
/// generated) on first use, so configuration is validated before any territory work begins.
/// </summary>
public sealed class EmbeddedSqlSource(EmbeddedDatabaseHost host) : ISqlSource
{
    public DataSourceKind Kind => DataSourceKind.Embedded;

    public Task<IReadOnlyList<T>> QueryAsync<T>(SqlRequest request, Func<ISqlRow, T> map, CancellationToken cancellationToken) =>
        host.GetSource().QueryAsync(request, map, cancellationToken);

    public Task<long> ExecuteAsync(SqlRequest request, CancellationToken cancellationToken) =>
        host.GetSource().ExecuteAsync(request, cancellationToken);

    public Task<IReadOnlyList<long>> ExecuteBatchAsync(IReadOnlyList<SqlRequest> requests, CancellationToken cancellationToken) =>
        host.GetSource().ExecuteBatchAsync(requests, cancellationToken);
}
