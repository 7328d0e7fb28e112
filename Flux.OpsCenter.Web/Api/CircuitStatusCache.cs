using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Live;

namespace Flux.OpsCenter.Web.Api;

/// <summary>
/// Circuit status rows for the read API, queried once per live-status sequence (the data version the monitor
/// publishes) and shared by every request until the next one, so a burst of readers costs one query.
/// </summary>
public sealed class CircuitStatusCache(GridQueries queries, GridStatusFeed feed)
{
    private readonly Lock _gate = new();
    private (long Sequence, Task<IReadOnlyList<CircuitStatus>> Rows)? _cached;

    public async Task<IReadOnlyList<CircuitStatus>> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = await feed.GetCurrentAsync(cancellationToken);
        Task<IReadOnlyList<CircuitStatus>> rows;
        lock (_gate)
        {
            if (_cached is not { } cached || cached.Sequence != snapshot.Sequence || cached.Rows.IsFaulted || cached.Rows.IsCanceled)
            {
                // Not the caller's token: the shared query must not die with the first request that asked for it.
                _cached = (snapshot.Sequence, queries.GetCircuitStatusAsync(GridQueries.MaxRows, CancellationToken.None));
            }

            rows = _cached.Value.Rows;
        }

        return await rows.WaitAsync(cancellationToken);
    }
}
