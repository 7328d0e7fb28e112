using Flux.OpsCenter.Data;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>Wraps a real source and fails every query while <see cref="Failing"/> is set, like a warehouse outage.</summary>
internal sealed class FlakySqlSource(ISqlSource inner) : ISqlSource
{
    private readonly TaskCompletionSource _firstFailure = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Failing { get; set; }

    /// <summary>Completes when the first injected failure is thrown, so a test can wait for it instead of polling.</summary>
    public Task FirstFailure => _firstFailure.Task;

    public DataSourceKind Kind => inner.Kind;

    public Task<IReadOnlyList<T>> QueryAsync<T>(SqlRequest request, Func<ISqlRow, T> map, CancellationToken cancellationToken) =>
        Failing
            ? throw Failure()
            : inner.QueryAsync(request, map, cancellationToken);

    public Task<long> ExecuteAsync(SqlRequest request, CancellationToken cancellationToken) =>
        Failing
            ? throw Failure()
            : inner.ExecuteAsync(request, cancellationToken);

    public Task<IReadOnlyList<long>> ExecuteBatchAsync(IReadOnlyList<SqlRequest> requests, CancellationToken cancellationToken) =>
        Failing
            ? throw Failure()
            : inner.ExecuteBatchAsync(requests, cancellationToken);

    private FluxDataException Failure()
    {
        _firstFailure.TrySetResult();
        return new FluxDataException(inner.Kind, DataErrorKind.Unavailable, "injected failure: source unavailable");
    }
}
