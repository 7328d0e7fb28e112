using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Spatial;

namespace Flux.OpsCenter.Data.Queries;

/// <summary>
/// The read API pages use: one method per query file, bounded results, records out. It knows nothing
/// of the transport; the <see cref="ISqlSource"/> decides where the SQL runs.
/// </summary>
public sealed class GridQueries(ISqlSource source)
{
    /// <summary>The most rows any list query returns.</summary>
    public const int MaxRows = 10_000;

    /// <summary>The source behind these queries.</summary>
    public DataSourceKind SourceKind => source.Kind;

    public async Task<OpsKpis?> GetKpisAsync(CancellationToken cancellationToken) =>
        (await RunAsync("GetKpis", RowMappers.Kpis, cancellationToken)).SingleOrDefault();

    public async Task<SubstationSummary?> GetSubstationAsync(string substationId, CancellationToken cancellationToken) =>
        (await RunAsync("GetSubstation", RowMappers.Substation, cancellationToken, substationId)).SingleOrDefault();

    public async Task<FeederSummary?> GetFeederAsync(string circuitId, CancellationToken cancellationToken) =>
        (await RunAsync("GetFeeder", RowMappers.Feeder, cancellationToken, circuitId)).SingleOrDefault();

    public Task<IReadOnlyList<FeederSummary>> GetFeedersBySubstationAsync(string substationId, CancellationToken cancellationToken) =>
        RunAsync("GetFeedersBySubstation", RowMappers.Feeder, cancellationToken, substationId);

    public Task<IReadOnlyList<CircuitStatus>> GetCircuitStatusAsync(int limit, CancellationToken cancellationToken) =>
        RunAsync("GetCircuitStatus", RowMappers.CircuitStatus, cancellationToken, Bound(limit));

    public Task<IReadOnlyList<FeederLineSegment>> GetFeederLinesAsync(string circuitId, CancellationToken cancellationToken) =>
        RunAsync("GetFeederLines", RowMappers.FeederLine, cancellationToken, circuitId);

    public Task<IReadOnlyList<Outage>> GetActiveOutagesAsync(int limit, CancellationToken cancellationToken) =>
        RunAsync("GetActiveOutages", RowMappers.OutageWithStage, cancellationToken, Bound(limit));

    public Task<IReadOnlyList<Outage>> GetOutagesByCircuitAsync(string circuitId, int limit, CancellationToken cancellationToken) =>
        RunAsync("GetOutagesByCircuit", RowMappers.Outage, cancellationToken, circuitId, Bound(limit));

    public Task<IReadOnlyList<WorkOrder>> GetOpenWorkOrdersAsync(int limit, CancellationToken cancellationToken) =>
        RunAsync("GetOpenWorkOrders", RowMappers.WorkOrder, cancellationToken, Bound(limit));

    public Task<IReadOnlyList<Crew>> GetCrewsAsync(int limit, CancellationToken cancellationToken) =>
        RunAsync("GetCrews", RowMappers.Crew, cancellationToken, Bound(limit));

    /// <summary>The alarms an operator may still have to see, with the shelves in force at <paramref name="now"/> (the app's clock).</summary>
    public Task<IReadOnlyList<GridAlarm>> GetAlarmsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        RunAsync("GetAlarms", RowMappers.Alarm, cancellationToken, now, Bound(limit));

    /// <summary>Who acknowledged, shelved or unshelved an alarm, when, and with what comment or reason, oldest first.</summary>
    public Task<IReadOnlyList<AlarmAuditEntry>> GetAlarmAuditTrailAsync(string alarmId, int limit, CancellationToken cancellationToken) =>
        RunAsync("GetAlarmAuditTrail", RowMappers.AlarmAuditEntry, cancellationToken, alarmId, Bound(limit));

    /// <summary>EEMUA 191 alarm-rate figures per operator position for alarms raised in [from, to).</summary>
    public Task<IReadOnlyList<AlarmPositionRate>> GetAlarmRatesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        RunAsync("GetAlarmRates", RowMappers.AlarmPositionRate, cancellationToken, from, to);

    /// <summary>The alarm sources with the most activations raised in [from, to), most first.</summary>
    public Task<IReadOnlyList<AlarmBadActor>> GetAlarmBadActorsAsync(DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken) =>
        RunAsync("GetAlarmBadActors", RowMappers.AlarmBadActor, cancellationToken, from, to, Bound(limit));

    /// <summary>The alarm sources that chattered (three or more activations within a minute) in [from, to).</summary>
    public Task<IReadOnlyList<ChatteringAlarm>> GetChatteringAlarmsAsync(DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken) =>
        RunAsync("GetChatteringAlarms", RowMappers.ChatteringAlarm, cancellationToken, from, to, Bound(limit));

    /// <summary>Every point asset of the territory, unbounded: only the map's spatial index loads this, once per process.</summary>
    public Task<IReadOnlyList<MapAssetRow>> GetMapAssetsAsync(CancellationToken cancellationToken) =>
        RunAsync("GetMapAssets", RowMappers.MapAsset, cancellationToken);

    /// <summary>
    /// The point assets that are not energized right now, unbounded (a storm can put a large share of the territory
    /// out): the map recolours from this without rebuilding its index.
    /// </summary>
    public Task<IReadOnlyList<MapAssetStatusRow>> GetMapAssetsNotEnergizedAsync(CancellationToken cancellationToken) =>
        RunAsync("GetMapAssetsNotEnergized", RowMappers.MapAssetStatus, cancellationToken);

    /// <summary>Every feeder line section, unbounded: only the map's spatial index loads this.</summary>
    public Task<IReadOnlyList<FeederLineSegment>> GetAllFeederLinesAsync(CancellationToken cancellationToken) =>
        RunAsync("GetAllFeederLines", RowMappers.FeederLine, cancellationToken);

    public async Task<TopologyNode?> GetTopologyNodeAsync(string assetId, CancellationToken cancellationToken) =>
        (await RunAsync("GetTopologyNode", RowMappers.TopologyNode, cancellationToken, assetId)).SingleOrDefault();

    public async Task<CustomerAccount?> GetCustomerAsync(string customerId, CancellationToken cancellationToken) =>
        (await RunAsync("GetCustomer", RowMappers.CustomerAccount, cancellationToken, customerId)).SingleOrDefault();

    public async Task<CustomerLocation?> FindCustomerLocationAsync(string customerId, CancellationToken cancellationToken) =>
        (await RunAsync("FindCustomerLocation", RowMappers.CustomerLocation, cancellationToken, customerId)) is [var first, ..] ? first : null;

    /// <summary>SAIDI/SAIFI/CAIDI over the 12 months before the KPI view's 12-month window.</summary>
    public async Task<PriorPeriodReliability?> GetReliabilityPreviousPeriodAsync(CancellationToken cancellationToken) =>
        (await RunAsync("GetReliabilityPreviousPeriod", RowMappers.PriorPeriodReliability, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<LoadPoint>> GetFeederHourlyLoadAsync(string circuitId, CancellationToken cancellationToken) =>
        RunAsync("GetFeederHourlyLoad", RowMappers.LoadPoint, cancellationToken, circuitId);

    public Task<IReadOnlyList<TransformerSummary>> GetFeederTransformersAsync(string circuitId, int limit, CancellationToken cancellationToken) =>
        RunAsync("GetFeederTransformers", RowMappers.Transformer, cancellationToken, circuitId, Bound(limit));

    public Task<IReadOnlyList<CustomerClassCount>> GetFeederCustomerClassesAsync(string circuitId, CancellationToken cancellationToken) =>
        RunAsync("GetFeederCustomerClasses", RowMappers.CustomerClass, cancellationToken, circuitId);

    public Task<IReadOnlyList<Outage>> GetOutagesBySubstationAsync(string substationId, int limit, CancellationToken cancellationToken) =>
        RunAsync("GetOutagesBySubstation", RowMappers.Outage, cancellationToken, substationId, Bound(limit));

    public Task<IReadOnlyList<TransformerSummary>> GetSubstationTransformersAtRiskAsync(string substationId, int limit, CancellationToken cancellationToken) =>
        RunAsync("GetSubstationTransformersAtRisk", RowMappers.TransformerRisk, cancellationToken, substationId, Bound(limit));

    /// <summary>One page of feeders; the sort column comes from a whitelist and every value is a bound parameter.</summary>
    public Task<ListPage<FeederSummary>> GetFeederPageAsync(ListPageRequest<FeederSortColumn> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PageAsync("GetFeederPage", RowMappers.Feeder, FeederSortNames[request.SortBy], request, cancellationToken);
    }

    /// <summary>One page of substations; the sort column comes from a whitelist and every value is a bound parameter.</summary>
    public Task<ListPage<SubstationSummary>> GetSubstationPageAsync(ListPageRequest<SubstationSortColumn> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PageAsync("GetSubstationPage", RowMappers.Substation, SubstationSortNames[request.SortBy], request, cancellationToken);
    }

    private static readonly Dictionary<FeederSortColumn, string> FeederSortNames = new()
    {
        [FeederSortColumn.CircuitId] = "CIRCUIT_ID",
        [FeederSortColumn.SubstationName] = "SUBSTATION_NAME",
        [FeederSortColumn.CustomersServed] = "CUSTOMERS_SERVED",
        [FeederSortColumn.CustomersOut] = "CUSTOMERS_OUT",
        [FeederSortColumn.LoadPct] = "LOAD_PCT",
        [FeederSortColumn.AvgHealth] = "AVG_HEALTH",
        [FeederSortColumn.LengthMiles] = "LENGTH_MILES",
        [FeederSortColumn.Status] = "STATUS",
    };

    private static readonly Dictionary<SubstationSortColumn, string> SubstationSortNames = new()
    {
        [SubstationSortColumn.SubstationId] = "SUBSTATION_ID",
        [SubstationSortColumn.SubstationName] = "SUBSTATION_NAME",
        [SubstationSortColumn.Region] = "REGION",
        [SubstationSortColumn.CapacityMva] = "CAPACITY_MVA",
        [SubstationSortColumn.CurrentLoadMw] = "CURRENT_LOAD_MW",
        [SubstationSortColumn.LoadPct] = "LOAD_PCT",
        [SubstationSortColumn.CircuitCount] = "CIRCUIT_COUNT",
        [SubstationSortColumn.CustomersServed] = "CUSTOMERS_SERVED",
        [SubstationSortColumn.CustomersOut] = "CUSTOMERS_OUT",
        [SubstationSortColumn.AvgHealth] = "AVG_HEALTH",
        [SubstationSortColumn.Status] = "STATUS",
    };

    private async Task<ListPage<T>> PageAsync<T, TSort>(string queryName, Func<ISqlRow, T> map, string sortColumn, ListPageRequest<TSort> request, CancellationToken cancellationToken)
        where TSort : struct, Enum
    {
        ArgumentOutOfRangeException.ThrowIfNegative(request.Offset);
        var filter = request.Filter?.Trim() ?? "";
        var status = request.Status?.Trim().ToUpperInvariant() ?? "";
        var direction = request.Descending ? "DESC" : "ASC";
        var rows = await RunAsync(queryName, r => RowMappers.Paged(r, map), cancellationToken,
            sortColumn, sortColumn, filter, filter, filter, filter, status, status, direction, direction, direction, direction,
            Math.Clamp(request.Limit, 1, 500), request.Offset);
        return new ListPage<T>([.. rows.Select(r => r.Row)], rows.Count > 0 ? rows[0].TotalRows : 0);
    }

    private static int Bound(int limit) => Math.Clamp(limit, 1, MaxRows);

    private Task<IReadOnlyList<T>> RunAsync<T>(string queryName, Func<ISqlRow, T> map, CancellationToken cancellationToken, params object?[] arguments) =>
        source.QueryAsync(QueryCatalog.Request(queryName, arguments), map, cancellationToken);
}
