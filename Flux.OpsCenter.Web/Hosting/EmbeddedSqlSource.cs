using Flux.OpsCenter.Data;

namespace Flux.OpsCenter.Web.Hosting;

/// <summary>
/// The embedded source as services see it: resolving it costs nothing, and the DuckDB file is opened (or
/// generated) on first use, so configuration is validated before any territory work begins. While the territory is
/// being generated, queries wait for it without holding a thread.
/// </summary>
public sealed class EmbeddedSqlSource(EmbeddedDatabaseHost host) : ISqlSource
{
    public DataSourceKind Kind => DataSourceKind.Embedded;

    public async Task<IReadOnlyList<T>> QueryAsync<T>(SqlRequest request, Func<ISqlRow, T> map, CancellationToken cancellationToken) =>
        await (await host.GetSourceAsync(cancellationToken)).QueryAsync(request, map, cancellationToken);

    public async Task<long> ExecuteAsync(SqlRequest request, CancellationToken cancellationToken) =>
        await (await host.GetSourceAsync(cancellationToken)).ExecuteAsync(request, cancellationToken);

    public async Task<IReadOnlyList<long>> ExecuteBatchAsync(IReadOnlyList<SqlRequest> requests, CancellationToken cancellationToken) =>
        await (await host.GetSourceAsync(cancellationToken)).ExecuteBatchAsync(requests, cancellationToken);
}
