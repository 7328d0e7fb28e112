using Flux.OpsCenter.Data.Grid;

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

    public Task<IReadOnlyList<SubstationSummary>> GetSubstationsAsync(CancellationToken cancellationToken) =>
        RunAsync("GetSubstations", RowMappers.Substation, cancellationToken, MaxRows);

    public async Task<SubstationSummary?> GetSubstationAsync(string substationId, CancellationToken cancellationToken) =>
        (await RunAsync("GetSubstation", RowMappers.Substation, cancellationToken, substationId)).SingleOrDefault();

    public Task<IReadOnlyList<FeederSummary>> GetFeedersAsync(CancellationToken cancellationToken) =>
        RunAsync("GetFeeders", RowMappers.Feeder, cancellationToken, MaxRows);

    public async Task<FeederSummary?> GetFeederAsync(string circuitId, CancellationToken cancellationToken) =>
        (await RunAsync("GetFeeder", RowMappers.Feeder, cancellationToken, circuitId)).SingleOrDefault();

    public Task<IReadOnlyList<FeederSummary>> GetFeedersBySubstationAsync(string substationId, CancellationToken cancellationToken) =>
        RunAsync("GetFeedersBySubstation", RowMappers.Feeder, cancellationToken, substationId);

    public Task<IReadOnlyList<ServiceArea>> GetServiceAreasAsync(CancellationToken cancellationToken) =>
        RunAsync("GetServiceAreas", RowMappers.ServiceArea, cancellationToken, MaxRows);

    public Task<IReadOnlyList<CircuitStatus>> GetCircuitStatusAsync(int limit, CancellationToken cancellationToken) =>
        RunAsync("GetCircuitStatus", RowMappers.CircuitStatus, cancellationToken, Bound(limit));

    public Task<IReadOnlyList<TopologyNode>> GetTopologyNodesInBoxAsync(GeoBox box, int limit, CancellationToken cancellationToken) =>
        RunAsync("GetTopologyNodesInBox", RowMappers.TopologyNode, cancellationToken,
            box.MinLat, box.MaxLat, box.MinLon, box.MaxLon, Bound(limit));

    public Task<IReadOnlyList<TopologyNode>> GetTopologyNodesByCircuitAsync(string circuitId, int limit, CancellationToken cancellationToken) =>
        RunAsync("GetTopologyNodesByCircuit", RowMappers.TopologyNode, cancellationToken, circuitId, Bound(limit));

    public Task<IReadOnlyList<TopologyEdge>> GetTopologyEdgesInBoxAsync(GeoBox box, int limit, CancellationToken cancellationToken) =>
        RunAsync("GetTopologyEdgesInBox", RowMappers.TopologyEdge, cancellationToken,
            box.MinLat, box.MaxLat, box.MinLon, box.MaxLon, Bound(limit));

    public Task<IReadOnlyList<TopologyEdge>> GetTopologyEdgesByCircuitAsync(string circuitId, int limit, CancellationToken cancellationToken) =>
        RunAsync("GetTopologyEdgesByCircuit", RowMappers.TopologyEdge, cancellationToken, circuitId, Bound(limit));

    public Task<IReadOnlyList<FeederLineSegment>> GetFeederLinesAsync(string circuitId, CancellationToken cancellationToken) =>
        RunAsync("GetFeederLines", RowMappers.FeederLine, cancellationToken, circuitId);

    public Task<IReadOnlyList<Outage>> GetActiveOutagesAsync(int limit, CancellationToken cancellationToken) =>
        RunAsync("GetActiveOutages", RowMappers.Outage, cancellationToken, Bound(limit));

    /// <summary>One page of outages that started in [<paramref name="from"/>, <paramref name="to"/>), newest first.</summary>
    public Task<IReadOnlyList<Outage>> GetOutageHistoryAsync(DateTimeOffset from, DateTimeOffset to, int limit, int offset, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (to <= from)
        {
            throw new ArgumentException("The end of the period must be after its start.", nameof(to));
        }

        return RunAsync("GetOutageHistory", RowMappers.Outage, cancellationToken, from, to, Bound(limit), offset);
    }

    public Task<IReadOnlyList<Outage>> GetOutagesByCircuitAsync(string circuitId, int limit, CancellationToken cancellationToken) =>
        RunAsync("GetOutagesByCircuit", RowMappers.Outage, cancellationToken, circuitId, Bound(limit));

    public Task<IReadOnlyList<WorkOrder>> GetOpenWorkOrdersAsync(int limit, CancellationToken cancellationToken) =>
        RunAsync("GetOpenWorkOrders", RowMappers.WorkOrder, cancellationToken, Bound(limit));

    public Task<IReadOnlyList<Crew>> GetCrewsAsync(int limit, CancellationToken cancellationToken) =>
        RunAsync("GetCrews", RowMappers.Crew, cancellationToken, Bound(limit));

    public Task<IReadOnlyList<GridAlarm>> GetAlarmsAsync(int limit, CancellationToken cancellationToken) =>
        RunAsync("GetAlarms", RowMappers.Alarm, cancellationToken, Bound(limit));

    private static int Bound(int limit) => Math.Clamp(limit, 1, MaxRows);

    private Task<IReadOnlyList<T>> RunAsync<T>(string queryName, Func<ISqlRow, T> map, CancellationToken cancellationToken, params object?[] arguments) =>
        source.QueryAsync(QueryCatalog.Request(queryName, arguments), map, cancellationToken);
}
