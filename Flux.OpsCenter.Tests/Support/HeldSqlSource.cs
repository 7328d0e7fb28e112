using System.Collections.Concurrent;
using Flux.OpsCenter.Data;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>Wraps a real source and holds back every query about a held id until the test releases it, like a slow warehouse.</summary>
internal sealed class HeldSqlSource(ISqlSource inner) : ISqlSource
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _held = new(StringComparer.Ordinal);

    public DataSourceKind Kind => inner.Kind;

    /// <summary>Queries with <paramref name="id"/> among their arguments wait from now on.</summary>
    public void Hold(string id) => _held[id] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The held queries about <paramref name="id"/> run, and later ones run at once.</summary>
    public void Release(string id)
    {
        if (_held.TryRemove(id, out var gate))
        {
            gate.SetResult();
        }
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(SqlRequest request, Func<ISqlRow, T> map, CancellationToken cancellationToken)
    {
        await WaitAsync(request, cancellationToken);
        return await inner.QueryAsync(request, map, cancellationToken);
    }

    public async Task<long> ExecuteAsync(SqlRequest request, CancellationToken cancellationToken)
    {
        await WaitAsync(request, cancellationToken);
        return await inner.ExecuteAsync(request, cancellationToken);
    }

    public async Task<IReadOnlyList<long>> ExecuteBatchAsync(IReadOnlyList<SqlRequest> requests, CancellationToken cancellationToken)
    {
        foreach (var request in requests)
        {
            await WaitAsync(request, cancellationToken);
        }

        return await inner.ExecuteBatchAsync(requests, cancellationToken);
    }

    private Task WaitAsync(SqlRequest request, CancellationToken cancellationToken)
    {
        foreach (var argument in request.Arguments)
        {
            if (argument is string id && _held.TryGetValue(id, out var gate))
            {
                return gate.Task.WaitAsync(cancellationToken);
            }
        }

        return Task.CompletedTask;
    }
}
