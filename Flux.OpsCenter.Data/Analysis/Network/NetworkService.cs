using Flux.OpsCenter.Data.Queries;

namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>
/// The connectivity model for one process: loaded once on first use from SWITCHING_DEVICE_STATUS and the transformer
/// connections, and kept current by <see cref="RefreshStatesAsync"/>, which re-reads only the device states and
/// re-derives energisation when one changed. Readers get an immutable <see cref="ConnectivityState"/>.
/// </summary>
public sealed class NetworkService(ISqlSource source) : IDisposable
{
    private static readonly TimeSpan BulkTimeout = TimeSpan.FromMinutes(2);
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Task<Snapshot>? _loaded;
    private Snapshot? _current;

    /// <summary>The current connectivity state, loading the model on first use.</summary>
    public async Task<ConnectivityState> GetStateAsync(CancellationToken cancellationToken) =>
        (await GetSnapshotAsync(cancellationToken).ConfigureAwait(false)).State;

    /// <summary>Traces from an asset under the current device states; null when no asset has the id.</summary>
    public async Task<TraceResult?> TraceAsync(string assetId, TraceDirection direction, CancellationToken cancellationToken) =>
        NetworkTracer.Trace(await GetStateAsync(cancellationToken).ConfigureAwait(false), assetId, direction);

    /// <summary>A device's live status for its card, or null when no device has the id.</summary>
    public async Task<DeviceStatus?> GetDeviceStatusAsync(string deviceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        var snapshot = await GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var state = snapshot.State;
        var d = state.Model.IndexOfDevice(deviceId.Trim().ToUpperInvariant());
        if (d < 0)
        {
            return null;
        }

        var fed = state.FedNode[d];
        var (at, operation) = snapshot.LastOperations[d];
        return new DeviceStatus(state.Model.Device(d), state.IsOpen(d), at, operation, state.EnergizingCircuitOfDevice(d),
            state.CustomersFedThrough(d), fed < 0 ? 0 : state.DownCriticalCare[fed]);
    }

    /// <summary>
    /// Re-reads the device states and re-derives energisation when any changed; returns whether it did. Does nothing
    /// before the model was first needed.
    /// </summary>
    public async Task<bool> RefreshStatesAsync(CancellationToken cancellationToken)
    {
        Snapshot? current;
        lock (_gate)
        {
            current = _current;
        }

        if (current is null)
        {
            return false;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            current = _current!;
            var rows = await source.QueryAsync(new SqlRequest("GetSwitchingDeviceStates", QueryCatalog.Query("GetSwitchingDeviceStates"), [], BulkTimeout),
                r => (Id: r.GetString("DEVICE_ID"), Open: SwitchingDeviceTypes.IsOpen(r.GetString("CURRENT_STATE")),
                    At: r.GetNullableTimestamp("LAST_OPERATED_AT"), Operation: r.GetNullableString("LAST_OPERATION")), cancellationToken).ConfigureAwait(false);
            var model = current.State.Model;
            var open = (bool[])current.State.Open.Clone();
            var operations = ((DateTimeOffset?, string?)[])current.LastOperations.Clone();
            var changed = false;
            foreach (var row in rows)
            {
                var d = model.IndexOfDevice(row.Id);
                if (d < 0)
                {
                    continue;
                }

                changed |= open[d] != row.Open;
                open[d] = row.Open;
                operations[d] = (row.At, row.Operation);
            }

            var next = new Snapshot(changed ? model.Derive(open) : current.State, operations);
            lock (_gate)
            {
                _current = next;
            }

            return changed;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private Task<Snapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_current is not null)
            {
                return Task.FromResult(_current);
            }

            if (_loaded is null || _loaded.IsFaulted || _loaded.IsCanceled)
            {
                // One load per process whichever caller starts it; a caller that gives up does not cancel it.
                _loaded = LoadAsync();
            }

            return _loaded.WaitAsync(cancellationToken);
        }
    }

    private async Task<Snapshot> LoadAsync()
    {
        var devices = await source.QueryAsync(new SqlRequest("GetSwitchingDevices", QueryCatalog.Query("GetSwitchingDevices"), [], BulkTimeout),
            MapDevice, CancellationToken.None).ConfigureAwait(false);
        var transformers = await source.QueryAsync(new SqlRequest("GetTransformerConnections", QueryCatalog.Query("GetTransformerConnections"), [], BulkTimeout),
            MapTransformer, CancellationToken.None).ConfigureAwait(false);
        var model = ConnectivityModel.Build(devices, transformers);
        var snapshot = new Snapshot(model.Derive(), [.. devices.Select(d => (d.LastOperatedAt, d.LastOperation))]);
        lock (_gate)
        {
            _current ??= snapshot;
            return _current;
        }
    }

    /// <summary>The single mapping from a SWITCHING_DEVICE_STATUS row.</summary>
    public static SwitchingDevice MapDevice(ISqlRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(
            r.GetString("DEVICE_ID"), SwitchingDeviceTypes.Parse(r.GetString("DEVICE_TYPE")), r.GetString("DEVICE_NAME"),
            r.GetString("CIRCUIT_ID"), r.GetString("CIRCUIT_NAME"), r.GetString("SUBSTATION_ID"), r.GetString("SUBSTATION_NAME"),
            r.GetNullableString("PARENT_DEVICE_ID"), r.GetNullableString("TIE_CIRCUIT_ID"), r.GetNullableString("TIE_PARENT_DEVICE_ID"),
            r.GetDouble("LATITUDE"), r.GetDouble("LONGITUDE"), SwitchingDeviceTypes.IsOpen(r.GetString("NORMAL_STATE")),
            SwitchingDeviceTypes.IsOpen(r.GetString("CURRENT_STATE")), r.GetNullableTimestamp("LAST_OPERATED_AT"), r.GetNullableString("LAST_OPERATION"),
            r.GetDouble("CIRCUIT_CAPACITY_KVA"));
    }

    /// <summary>The single mapping from a GetTransformerConnections row.</summary>
    public static TransformerConnection MapTransformer(ISqlRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(
            r.GetString("TRANSFORMER_ID"), r.GetString("FUSE_ID"), r.GetString("CIRCUIT_ID"), r.GetDouble("LATITUDE"), r.GetDouble("LONGITUDE"),
            (int)r.GetInt64("RESIDENTIAL"), (int)r.GetInt64("COMMERCIAL"), (int)r.GetInt64("INDUSTRIAL"), (int)r.GetInt64("CRITICAL_CARE"),
            r.GetDouble("PEAK_LOAD_KW"));
    }

    public void Dispose() => _refresh.Dispose();

    /// <summary>The state and each device's last operation, swapped together.</summary>
    private sealed record Snapshot(ConnectivityState State, (DateTimeOffset? At, string? Operation)[] LastOperations);
}
