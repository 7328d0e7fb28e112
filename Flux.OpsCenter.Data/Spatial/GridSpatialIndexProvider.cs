using Flux.OpsCenter.Data.Queries;

namespace Flux.OpsCenter.Data.Spatial;

/// <summary>
/// Holds the one spatial index of the process: built on first use (or by a warm-up), shared by every request
/// and circuit. Live statuses recolour it in place through <see cref="RefreshStatusAsync"/> (the geometry is kept).
/// A failed build is retried on next use.
/// </summary>
public sealed class GridSpatialIndexProvider(GridQueries queries, TimeProvider clock) : IDisposable
{
    private readonly Lock _gate = new();

    // Status refreshes never overlap: each starts from the index the previous one produced.
    private readonly SemaphoreSlim _recolouring = new(1, 1);
    private Task<GridSpatialIndex>? _current;

    /// <summary>Raised after a status refresh changed the colour of some features; cheap handlers only (open maps redraw).</summary>
    public event EventHandler<MapStatusRefresh>? StatusChanged;

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

    /// <summary>
    /// Reads the live statuses (assets not energized, circuit status, open devices) and swaps in the index recoloured
    /// by them; a few hundred rows and a copy of the status bytes instead of a build of every feature.
    /// </summary>
    public async Task<MapStatusRefresh> RefreshStatusAsync(CancellationToken cancellationToken)
    {
        await _recolouring.WaitAsync(cancellationToken);
        MapStatusRefresh refresh;
        try
        {
            var index = await GetAsync(cancellationToken);
            var readAt = clock.GetUtcNow();
            var notEnergized = await queries.GetMapAssetsNotEnergizedAsync(cancellationToken);
            var circuits = await queries.GetCircuitStatusAsync(GridQueries.MaxRows, cancellationToken);
            var outages = await queries.GetActiveOutagesAsync(GridQueries.MaxRows, cancellationToken);
            var deadDevices = outages.Select(o => o.DeviceId).ToHashSet(StringComparer.Ordinal);
            refresh = index.WithStatuses(notEnergized, circuits, deadDevices, readAt);
            lock (_gate)
            {
                // A full rebuild that finished meanwhile read even newer rows: keep it.
                if (_current is { IsCompletedSuccessfully: true } current && ReferenceEquals(current.Result, index))
                {
                    _current = Task.FromResult(refresh.Index);
                }
            }
        }
        finally
        {
            _recolouring.Release();
        }

        if (refresh.ChangedFeatures > 0)
        {
            StatusChanged?.Invoke(this, refresh);
        }

        return refresh;
    }

    public void Dispose() => _recolouring.Dispose();

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
