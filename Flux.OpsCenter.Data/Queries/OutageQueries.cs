using System.Runtime.CompilerServices;
using Flux.OpsCenter.Data.Grid;

namespace Flux.OpsCenter.Data.Queries;

/// <summary>
/// Outage management reads: the filtered, paged history, a streamed history for exports, causes on record, and the
/// work orders behind outages. One method per query file.
/// </summary>
public sealed class OutageQueries(ISqlSource source, int chunkSize = OutageQueries.DefaultChunkSize)
{
    /// <summary>Rows fetched per round trip when the history is streamed.</summary>
    public const int DefaultChunkSize = 2_000;

    private readonly int _chunkSize = Math.Clamp(chunkSize, 1, GridQueries.MaxRows);

    /// <summary>One page of the outages that match <paramref name="filter"/>, newest first, with the matching total.</summary>
    public async Task<ListPage<Outage>> GetOutageHistoryPageAsync(OutageHistoryFilter filter, int offset, int limit, CancellationToken cancellationToken)
    {
        Validate(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var rows = await source.QueryAsync(
            QueryCatalog.Request("GetOutageHistoryPage", [.. filter.Arguments(), Math.Clamp(limit, 1, GridQueries.MaxRows), offset]),
            static r => (Outage: RowMappers.Outage(r), Total: r.GetInt64("TOTAL_ROWS")), cancellationToken);
        return new ListPage<Outage>([.. rows.Select(r => r.Outage)], rows.Count > 0 ? rows[0].Total : 0);
    }

    /// <summary>
    /// Every outage that matches <paramref name="filter"/>, newest first, fetched a chunk of rows at a time
    /// after a (start, id) cursor, so an export of years of history never holds more than one chunk.
    /// </summary>
    public async IAsyncEnumerable<Outage> StreamOutageHistoryAsync(OutageHistoryFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Validate(filter);
        var afterStart = filter.To;
        var afterId = "";
        while (true)
        {
            var chunk = await source.QueryAsync(
                QueryCatalog.Request("GetOutageHistoryChunk", [.. filter.Arguments(), afterStart, afterId, _chunkSize]),
                RowMappers.Outage, cancellationToken);
            foreach (var outage in chunk)
            {
                yield return outage;
            }

            if (chunk.Count < _chunkSize)
            {
                yield break;
            }

            (afterStart, afterId) = (chunk[^1].StartTime, chunk[^1].OutageId);
        }
    }

    /// <summary>The causes on record, for filters.</summary>
    public Task<IReadOnlyList<string>> GetOutageCausesAsync(CancellationToken cancellationToken) =>
        source.QueryAsync(QueryCatalog.Request("GetOutageCauses"), static r => r.GetString("CAUSE"), cancellationToken);

    /// <summary>Open work orders counted by priority and status, most urgent first.</summary>
    public Task<IReadOnlyList<WorkOrderSummary>> GetWorkOrderSummaryAsync(CancellationToken cancellationToken) =>
        source.QueryAsync(QueryCatalog.Request("GetWorkOrderSummary"), static r => new WorkOrderSummary(
            r.GetString("PRIORITY"), r.GetString("STATUS"), r.GetInt64("WORK_ORDERS"), r.GetDouble("ESTIMATED_HOURS")), cancellationToken);

    /// <summary>The work orders raised for one outage.</summary>
    public Task<IReadOnlyList<WorkOrder>> GetWorkOrdersByOutageAsync(string outageId, int limit, CancellationToken cancellationToken) =>
        source.QueryAsync(QueryCatalog.Request("GetWorkOrdersByOutage", outageId, Math.Clamp(limit, 1, GridQueries.MaxRows)), RowMappers.WorkOrder, cancellationToken);

    private static void Validate(OutageHistoryFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.To <= filter.From)
        {
            throw new ArgumentException("The end of the period must be after its start.", nameof(filter));
        }
    }
}
