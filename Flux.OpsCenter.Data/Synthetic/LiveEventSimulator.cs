using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;

namespace Flux.OpsCenter.Data.Synthetic;

/// <summary>
/// Makes the embedded grid live: faults at breakers, reclosers, fuses and transformers that interrupt exactly the
/// customers behind the device, momentary interruptions, crew dispatch and restoration, and hourly load that
/// follows the weather. It writes to the same tables the views read, so every view stays consistent with every
/// other. Simulated time resumes from the data's own "now", catches up with the wall clock over the gap since the
/// file was last live (<see cref="CatchUpAsync"/>), then runs at <see cref="SimulatorOptions.Speed"/>. Every step
/// records a telemetry scan, so the data clock says how fresh the feed is even between events.
/// </summary>
public sealed class LiveEventSimulator(ISqlSource source, SimulatorOptions options, TimeProvider time) : IDisposable
{
    private static readonly string[] Causes = ["EQUIPMENT_FAILURE", "VEGETATION", "ANIMAL", "WEATHER", "VEHICLE", "OVERLOAD", "UNKNOWN"];
    private static readonly TimeSpan KeptTelemetry = TimeSpan.FromDays(TerritoryGenerator.TelemetryDays);

    /// <summary>The simulator's row in PRODUCTION.TELEMETRY_CLOCK.</summary>
    public const string ScanSourceId = "EMBEDDED_SIMULATOR";

    // Catch-up advances in slices this long, so dispatches and restorations inside the gap happen in order.
    private static readonly TimeSpan CatchUpSlice = TimeSpan.FromMinutes(15);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Random _random = new(options.Seed);
    private readonly Dictionary<string, DateTimeOffset> _restoreAt = new(StringComparer.Ordinal);
    private Transformer[] _transformers = [];
    private Dictionary<string, Transformer[]> _byCircuit = new(StringComparer.Ordinal);
    private DateTimeOffset _simulatedNow;
    private DateTimeOffset _latestHour;

    // After a gap too long to simulate, the hourly series resumes at _resumedFrom, copying from the day before _heldUntil.
    private DateTimeOffset _heldUntil;
    private DateTimeOffset _resumedFrom = DateTimeOffset.MinValue;
    private DateTimeOffset _lastWallClock;
    private long _nextOutage;
    private long _nextWorkOrder;

    /// <summary>Raised after every step or injected fault that wrote something, so the status monitor can poll at once.</summary>
    public event EventHandler? Changed;

    /// <summary>The simulator's clock: the data's "now".</summary>
    public DateTimeOffset SimulatedNow => _simulatedNow;

    public bool IsInitialized => _transformers.Length > 0;

    /// <summary>Loads the fault model (devices and customers) once and resumes the clock from the data.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var transformers = await source.QueryAsync(Request("LiveGetTransformers"), r => new Transformer(
            r.GetString("TRANSFORMER_ID"), r.GetString("CIRCUIT_ID"), r.GetString("SUBSTATION_ID"), r.GetString("BREAKER_ID"),
            r.GetNullableString("RECLOSER_ID"), r.GetString("FUSE_ID"), r.GetDouble("LATITUDE"), r.GetDouble("LONGITUDE"),
            (int)r.GetInt64("CUSTOMERS")), cancellationToken);
        var clock = (await source.QueryAsync(Request("LiveGetClock"), r => (AsOf: r.GetTimestamp("AS_OF"), Latest: r.GetTimestamp("LATEST_LOAD_HOUR")), cancellationToken)).Single();
        var ids = (await source.QueryAsync(Request("LiveGetNextIds"), r => (Outage: r.GetInt64("MAX_OUTAGE"), WorkOrder: r.GetInt64("MAX_WORK_ORDER")), cancellationToken)).Single();
        _transformers = [.. transformers];
        _byCircuit = _transformers.GroupBy(t => t.CircuitId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _simulatedNow = clock.AsOf;
        _latestHour = clock.Latest;
        _nextOutage = ids.Outage;
        _nextWorkOrder = ids.WorkOrder;
        _lastWallClock = time.GetUtcNow();
        await ExecuteAsync("LiveRegisterScanSource", cancellationToken, ScanSourceId, _simulatedNow, ScanSourceId);
    }

    /// <summary>
    /// Fast-forwards simulated time to the wall clock, simulating what happened over the gap (faults, dispatches,
    /// restorations, hourly load and weather) slice by slice, compressed. A gap longer than
    /// <see cref="SimulatorOptions.MaxCatchUp"/> is skipped up to that length before it: nothing is simulated there, and
    /// the hourly telemetry resumes from the latest day held. Returns what was simulated and what was skipped.
    /// </summary>
    public async Task<SimulatorCatchUp> CatchUpAsync(IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var target = time.GetUtcNow();
        var start = _simulatedNow;
        if (target - start <= options.StepInterval)
        {
            return new SimulatorCatchUp(start, start, TimeSpan.Zero, TimeSpan.Zero, 0);
        }

        var skipped = target - start > options.MaxCatchUp ? target - start - options.MaxCatchUp : TimeSpan.Zero;
        var writes = 0;
        var from = start + skipped;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _simulatedNow = from;
        }
        finally
        {
            _gate.Release();
        }

        while (_simulatedNow < target)
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                var to = _simulatedNow + CatchUpSlice < target ? _simulatedNow + CatchUpSlice : target;
                writes += await AdvanceToAsync(to, cancellationToken);
            }
            finally
            {
                _gate.Release();
            }

            progress?.Report((_simulatedNow - from) / (target - from));
        }

        // Steps from here on cover only the wall-clock time that passes after the catch-up.
        _lastWallClock = target;
        return new SimulatorCatchUp(start, target, target - from, skipped, writes);
    }

    /// <summary>Advances simulated time by the wall-clock time since the last step and lets events happen.</summary>
    public async Task<int> StepAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var wall = time.GetUtcNow();
            var elapsed = (wall - _lastWallClock) * options.Speed;
            _lastWallClock = wall;
            if (elapsed <= TimeSpan.Zero)
            {
                return 0;
            }

            return await AdvanceToAsync(_simulatedNow + elapsed, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Moves simulated time to <paramref name="to"/> and lets what falls in between happen; the caller holds the gate.</summary>
    private async Task<int> AdvanceToAsync(DateTimeOffset to, CancellationToken cancellationToken)
    {
        var from = _simulatedNow;
        _simulatedNow = to;
        var writes = 0;
        writes += await AdvanceHoursAsync(cancellationToken);
        writes += await RestoreDueAsync(cancellationToken);
        writes += await DispatchCrewsAsync(cancellationToken);

        // Faults arrive as a Poisson process over the elapsed simulated hours.
        var rate = options.FaultsPerHour * (options.Storm ? 8 : 1);
        var faults = Poisson(rate * (to - from).TotalHours);
        for (var i = 0; i < faults; i++)
        {
            var at = from + ((to - from) * _random.NextDouble());
            if (await FaultAsync(deviceId: null, at, cancellationToken) is not null)
            {
                writes++;
            }
        }

        // The scan is the feed's heartbeat: it moves the data clock, but alone it is no change worth a poll.
        await ExecuteAsync("LiveRecordScan", cancellationToken, _simulatedNow, ScanSourceId);
        if (writes > 0)
        {
            Changed?.Invoke(this, EventArgs.Empty);
        }

        return writes;
    }

    /// <summary>Opens a device now: a transformer, fuse, recloser or breaker id, or any healthy device when null.</summary>
    public async Task<SimulatedFault?> InjectFaultAsync(string? deviceId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var fault = await FaultAsync(deviceId, _simulatedNow, cancellationToken, forceSustained: true);
            if (fault is not null)
            {
                Changed?.Invoke(this, EventArgs.Empty);
            }

            return fault;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Closes one active outage now, as a finished repair would. Returns the wall-clock moment the outage row was marked
    /// restored, or null when it is not active.
    /// </summary>
    public async Task<DateTimeOffset?> RestoreOutageAsync(string outageId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var active = await source.QueryAsync(QueryCatalog.Request("GetActiveOutages", GridQueries.MaxRows), RowMappers.Outage, cancellationToken);
            var outage = active.FirstOrDefault(o => o.OutageId == outageId);
            if (outage is null)
            {
                return null;
            }

            var committed = await RestoreAsync(outage, _simulatedNow, cancellationToken);
            Changed?.Invoke(this, EventArgs.Empty);
            return committed;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SimulatedFault?> FaultAsync(string? deviceId, DateTimeOffset at, CancellationToken cancellationToken, bool forceSustained = false)
    {
        var active = await source.QueryAsync(QueryCatalog.Request("GetActiveOutages", GridQueries.MaxRows), RowMappers.Outage, cancellationToken);
        var busyCircuits = active.Select(o => o.CircuitId).ToHashSet(StringComparer.Ordinal);

        // One active outage per feeder keeps interruptions from nesting, so customers out add up exactly.
        var (circuitId, device, deviceType) = deviceId is null ? PickDevice(busyCircuits) : FindDevice(deviceId);
        if (circuitId is null || device is null || deviceType is null || busyCircuits.Contains(circuitId))
        {
            return null;
        }

        var behind = _byCircuit[circuitId].Where(t => Isolates(device, t)).ToArray();
        var customers = behind.Sum(t => t.Customers);
        if (customers == 0)
        {
            return null;
        }

        var momentary = !forceSustained && deviceType is "BREAKER" or "RECLOSER" && _random.NextDouble() < 0.5;
        var outageId = $"OUT-{_nextOutage + 1:0000000}";
        var anchor = behind[0];
        var cause = options.Storm ? "WEATHER" : Causes[_random.Next(Causes.Length)];
        var repairMinutes = deviceType switch { "TRANSFORMER" => 150, "FUSE" => 90, "RECLOSER" => 70, _ => 55 } * Math.Exp(0.6 * Gaussian());
        var end = momentary ? at.AddSeconds(20 + _random.Next(0, 200)) : (DateTimeOffset?)null;
        var estimated = momentary ? (DateTimeOffset?)null : at.AddMinutes(Math.Ceiling(repairMinutes * 1.3 / 15) * 15);
        // The outage, the device's live state (locked out while it lasts, reclosed after a momentary), the load it takes
        // off and its work order commit together: a crash never leaves an outage without its work.
        List<SqlRequest> writes =
        [
            Request("LiveInsertOutage", outageId, circuitId, anchor.SubstationId, device, deviceType, at, end, momentary ? "RESTORED" : "ACTIVE", cause,
                customers, behind.Length, estimated, null, momentary, anchor.Latitude, anchor.Longitude, options.Storm ? "STORM" : null),
            Request("LiveOperateDevice", momentary ? "CLOSED" : "OPEN", end ?? at, momentary ? "RECLOSE" : "TRIP", device),
        ];
        if (!momentary)
        {
            writes.Add(Request("LiveZeroLoadBehindDevice", _latestHour, circuitId, device));
            writes.Add(Request("LiveRefreshFeederLoad", circuitId, _latestHour, circuitId, _latestHour));
            writes.Add(Request("LiveInsertWorkOrder", $"WO-{_nextWorkOrder + 1:0000000}", outageId, device, deviceType,
                circuitId, anchor.SubstationId, customers >= 500 ? "CRITICAL" : "HIGH",
                $"Restore {deviceType.ToLowerInvariant()} {device}: {cause.Replace('_', ' ').ToLowerInvariant()}, {customers} customers out",
                at, Math.Round(repairMinutes / 60, 1), anchor.Latitude, anchor.Longitude));
        }

        await source.ExecuteBatchAsync(writes, cancellationToken);
        var committed = time.GetUtcNow();
        _nextOutage++;
        if (!momentary)
        {
            _nextWorkOrder++;
            _restoreAt[outageId] = at.AddMinutes(Math.Max(6, repairMinutes));
        }

        return new SimulatedFault(outageId, circuitId, device, deviceType, customers, momentary, at, committed);
    }

    private async Task<int> RestoreDueAsync(CancellationToken cancellationToken)
    {
        var active = await source.QueryAsync(QueryCatalog.Request("GetActiveOutages", GridQueries.MaxRows), RowMappers.Outage, cancellationToken);
        var managed = await OperatorManagedAsync(cancellationToken);
        var restored = 0;
        foreach (var outage in active.Where(o => !managed.Contains(o.OutageId)))
        {
            // After a restart the repair time is gone; the ETR stands in for it.
            var due = _restoreAt.TryGetValue(outage.OutageId, out var at) ? at : outage.EstimatedRestoration ?? outage.StartTime.AddHours(2);
            if (due > _simulatedNow || outage.CrewId is null)
            {
                continue;
            }

            await RestoreAsync(outage, due, cancellationToken);
            restored++;
        }

        return restored;
    }

    /// <summary>Restores an outage and returns the wall-clock moment its row was marked restored.</summary>
    private async Task<DateTimeOffset> RestoreAsync(Outage outage, DateTimeOffset at, CancellationToken cancellationToken)
    {
        List<SqlRequest> writes =
        [
            Request("LiveRestoreOutage", at, outage.OutageId),
            Request("LiveOperateDevice", "CLOSED", at, "CLOSE", outage.DeviceId),
            Request("LiveRestoreLoadBehindDevice", outage.CircuitId, outage.DeviceId, _latestHour),
            Request("LiveRefreshFeederLoad", outage.CircuitId, _latestHour, outage.CircuitId, _latestHour),
        ];
        if (outage.CrewId is not null)
        {
            writes.Add(Request("LiveUpdateCrew", "AVAILABLE", null, null, outage.Latitude, outage.Longitude, at, outage.CrewId));
        }

        writes.Add(Request("LiveUpdateWorkOrder", "COMPLETED", outage.CrewId, at, outage.OutageId));
        await source.ExecuteBatchAsync(writes, cancellationToken);
        var committed = time.GetUtcNow();
        _restoreAt.Remove(outage.OutageId);
        return committed;
    }

    private async Task<int> DispatchCrewsAsync(CancellationToken cancellationToken)
    {
        var active = await source.QueryAsync(QueryCatalog.Request("GetActiveOutages", GridQueries.MaxRows), RowMappers.Outage, cancellationToken);
        var managed = await OperatorManagedAsync(cancellationToken);
        var waiting = active.Where(o => o.CrewId is null && !managed.Contains(o.OutageId) && _simulatedNow - o.StartTime > TimeSpan.FromMinutes(5)).ToList();
        if (waiting.Count == 0)
        {
            return 0;
        }

        var crews = (await source.QueryAsync(QueryCatalog.Request("GetCrews", GridQueries.MaxRows), RowMappers.Crew, cancellationToken))
            .Where(c => c.Status == "AVAILABLE" && c.CrewType is "LINE" or "SERVICE").ToList();
        var dispatched = 0;
        foreach (var outage in waiting.OrderByDescending(o => o.CustomersAffected))
        {
            var crew = crews.OrderBy(c => HoustonGeography.DistanceKm(c.CurrentLatitude, c.CurrentLongitude, outage.Latitude, outage.Longitude)).FirstOrDefault();
            if (crew is null)
            {
                break;
            }

            crews.Remove(crew);
            await source.ExecuteBatchAsync(
                [
                    Request("LiveUpdateCrew", "EN_ROUTE", outage.OutageId, null,
                        (crew.CurrentLatitude + outage.Latitude) / 2, (crew.CurrentLongitude + outage.Longitude) / 2, _simulatedNow, crew.CrewId),
                    Request("LiveAssignOutageCrew", crew.CrewId, outage.OutageId),
                    Request("LiveUpdateWorkOrder", "ASSIGNED", crew.CrewId, null, outage.OutageId),
                ],
                cancellationToken);
            dispatched++;
        }

        return dispatched;
    }

    // An outage an operator has acted on is theirs: the simulator neither sends a crew to it nor restores it.
    private async Task<HashSet<string>> OperatorManagedAsync(CancellationToken cancellationToken) =>
        [.. await source.QueryAsync(Request("LiveGetOperatorManagedOutages"), static r => r.GetString("OUTAGE_ID"), cancellationToken)];

    private async Task<int> AdvanceHoursAsync(CancellationToken cancellationToken)
    {
        var appended = 0;
        while (_simulatedNow >= _latestHour.AddHours(1))
        {
            // Hours that would fall out of the kept window at once are not written; the series resumes inside it.
            var hour = _latestHour.AddHours(Math.Max(1, Math.Ceiling((_simulatedNow - KeptTelemetry - _latestHour).TotalHours)));
            if (hour > _latestHour.AddHours(1))
            {
                _heldUntil = _latestHour;
                _resumedFrom = hour;
            }

            var sourceHour = SourceHour(hour);

            // Weather drifts from the same hour of the latest day held; load follows it by the cooling or heating sensitivity.
            var drift = Math.Round(Gaussian() * 1.5, 1);
            await ExecuteAsync("LiveAppendWeatherHour", cancellationToken, hour, drift, drift, sourceHour);
            var scale = Math.Round(1 + (0.02 * drift * (options.Storm ? 1.5 : 1)) + (Gaussian() * 0.01), 4);
            await ExecuteAsync("LiveAppendLoadHour", cancellationToken, hour, scale, scale, sourceHour);
            await ExecuteAsync("LiveAppendFeederHour", cancellationToken, hour);
            var cutoff = hour - KeptTelemetry + TimeSpan.FromHours(1);
            if (hour < _resumedFrom.AddDays(1) && _heldUntil.AddHours(-23) < cutoff)
            {
                // The first day after a skipped gap still copies from the last day before it.
                cutoff = _heldUntil.AddHours(-23);
            }

            await ExecuteAsync("LivePruneTransformerLoad", cancellationToken, cutoff);
            await ExecuteAsync("LivePruneFeederLoad", cancellationToken, cutoff);
            await ExecuteAsync("LivePruneWeather", cancellationToken, cutoff);
            _latestHour = hour;
            appended++;
        }

        return appended;
    }

    /// <summary>Yesterday's same hour; in the first day after a skipped gap, the same hour of the last day before it.</summary>
    private DateTimeOffset SourceHour(DateTimeOffset hour) =>
        hour.AddDays(-1) >= _resumedFrom ? hour.AddDays(-1) : hour.AddDays(-Math.Ceiling((hour - _heldUntil).TotalHours / 24));

    private (string? CircuitId, string? Device, string? DeviceType) PickDevice(HashSet<string> busyCircuits)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var transformer = _transformers[_random.Next(_transformers.Length)];
            if (busyCircuits.Contains(transformer.CircuitId))
            {
                continue;
            }

            var draw = _random.NextDouble();
            var lockoutShare = options.Storm ? 0.25 : 0.06;
            return draw < lockoutShare ? (transformer.CircuitId, transformer.BreakerId, "BREAKER")
                : draw < lockoutShare + 0.12 && transformer.RecloserId is not null ? (transformer.CircuitId, transformer.RecloserId, "RECLOSER")
                : draw < 0.5 ? (transformer.CircuitId, transformer.FuseId, "FUSE")
                : (transformer.CircuitId, transformer.TransformerId, "TRANSFORMER");
        }

        return (null, null, null);
    }

    private (string? CircuitId, string? Device, string? DeviceType) FindDevice(string deviceId)
    {
        foreach (var t in _transformers)
        {
            if (t.TransformerId == deviceId)
            {
                return (t.CircuitId, deviceId, "TRANSFORMER");
            }

            if (t.FuseId == deviceId)
            {
                return (t.CircuitId, deviceId, "FUSE");
            }

            if (t.RecloserId == deviceId)
            {
                return (t.CircuitId, deviceId, "RECLOSER");
            }

            if (t.BreakerId == deviceId)
            {
                return (t.CircuitId, deviceId, "BREAKER");
            }
        }

        throw new ArgumentException($"No breaker, recloser, fuse or transformer has the id '{deviceId}'.", nameof(deviceId));
    }

    public void Dispose() => _gate.Dispose();

    private static bool Isolates(string device, Transformer t) =>
        device == t.BreakerId || device == t.RecloserId || device == t.FuseId || device == t.TransformerId;

    private Task<long> ExecuteAsync(string name, CancellationToken cancellationToken, params object?[] arguments) =>
        source.ExecuteAsync(Request(name, arguments), cancellationToken);

    private static SqlRequest Request(string name, params object?[] arguments) =>
        new(name, QueryCatalog.Resource($"Synthetic/Sql/{name}.sql"), arguments, SqlRequest.DefaultTimeout);

    private int Poisson(double lambda)
    {
        var limit = Math.Exp(-lambda);
        var product = _random.NextDouble();
        var count = 0;
        while (product > limit)
        {
            product *= _random.NextDouble();
            count++;
        }

        return count;
    }

    private double Gaussian()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private sealed record Transformer(
        string TransformerId, string CircuitId, string SubstationId, string BreakerId, string? RecloserId, string FuseId,
        double Latitude, double Longitude, int Customers);
}
