using Flux.OpsCenter.Data;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>Wraps a real source and fails every query while <see cref="Failing"/> is set, like a warehouse outage.</summary>
internal sealed class FlakySqlSource(ISqlSource inner) : ISqlSource
{
    public bool Failing { get; set; }

    public DataSourceKind Kind => inner.Kind;

    public Task<IReadOnlyList<T>> QueryAsync<T>(SqlRequest request, Func<ISqlRow, T> map, CancellationToken cancellationToken) =>
        Failing
            ? throw new FluxDataException(inner.Kind, DataErrorKind.Unavailable, "injected failure: source unavailable")
            : inner.QueryAsync(request, map, cancellationToken);

    public Task<long> ExecuteAsync(SqlRequest request, CancellationToken cancellationToken) =>
        Failing
            ? throw new FluxDataException(inner.Kind, DataErrorKind.Unavailable, "injected failure: source unavailable")
            : inner.ExecuteAsync(request, cancellationToken);

    public Task<IReadOnlyList<long>> ExecuteBatchAsync(IReadOnlyList<SqlRequest> requests, CancellationToken cancellationToken) =>
        Failing
            ? throw new FluxDataException(inner.Kind, DataErrorKind.Unavailable, "injected failure: source unavailable")
            : inner.ExecuteBatchAsync(requests, cancellationToken);
}
