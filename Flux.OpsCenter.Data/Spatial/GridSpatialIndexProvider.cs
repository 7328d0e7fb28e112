using Flux.OpsCenter.Data.Queries;

namespace Flux.OpsCenter.Data.Spatial;

/// <summary>
/// Holds the one spatial index of the process: built on first use (or by a warm-up), shared by every request
/// and circuit, and rebuilt by <see cref="RefreshAsync"/> when statuses change; a failed build is retried on next use.
/// </summary>
public sealed class GridSpatialIndexProvider(GridQueries queries, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private Task<GridSpatialIndex>? _current;

    /// <summary>The built index, or null while the first build runs.</summary>
    public GridSpatialIndex? Current => _current is { IsCompletedSuccessfully: true } task ? task.Result : null;

    public Task<GridSpatialIndex> GetAsync(CancellationToken cancellationToken)
    {
        Task<GridSpatialIndex> current;
        lock (_gate)
        {
            if (_current is null || _current.IsFaulted || _current.IsCanceled)
            {
                // The build belongs to the process, not to the request that happened to start it.
                _current = LoadAsync(CancellationToken.None);
            }

            current = _current;
        }

        return current.WaitAsync(cancellationToken);
    }

    /// <summary>Reads the rows again and swaps the new index in; readers keep the old one until it is ready.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var fresh = await LoadAsync(cancellationToken);
        lock (_gate)
        {
            _current = Task.FromResult(fresh);
        }
    }

    private async Task<GridSpatialIndex> LoadAsync(CancellationToken cancellationToken)
    {
        var readAt = clock.GetUtcNow();
        var assets = await queries.GetMapAssetsAsync(cancellationToken);
        var lines = await queries.GetAllFeederLinesAsync(cancellationToken);
        var circuits = await queries.GetCircuitStatusAsync(GridQueries.MaxRows, cancellationToken);
        var outages = await queries.GetActiveOutagesAsync(GridQueries.MaxRows, cancellationToken);
        var deadDevices = outages.Select(o => o.DeviceId).ToHashSet(StringComparer.Ordinal);
        return await Task.Run(() => GridSpatialIndex.Build(assets, lines, circuits, deadDevices, readAt), cancellationToken);
    }
}
