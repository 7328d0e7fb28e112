using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Data.Queries;

public sealed class OutageQueriesTests : IDisposable
{
    private static readonly DateTimeOffset From = TestTerritory.AsOf.AddYears(-8);
    private static readonly DateTimeOffset To = TestTerritory.AsOf.AddDays(1);
    private readonly DuckDbSource _source = new(TestTerritory.CreateCopy());

    [Fact]
    public async Task Streaming_in_small_chunks_yields_every_event_once_in_page_order()
    {
        var token = TestContext.Current.CancellationToken;
        var filter = new OutageHistoryFilter(From, To, SubstationId: "SUB-001");
        var queries = new OutageQueries(_source, chunkSize: 7);

        var streamed = new List<Outage>();
        await foreach (var outage in queries.StreamOutageHistoryAsync(filter, token))
        {
            streamed.Add(outage);
        }

        var page = await new OutageQueries(_source).GetOutageHistoryPageAsync(filter, 0, 10_000, token);
        Assert.True(streamed.Count > 20);
        Assert.Equal(page.TotalRows, streamed.Count);
        Assert.Equal(page.Rows.Select(o => o.OutageId), streamed.Select(o => o.OutageId));
    }

    [Fact]
    public async Task Filters_narrow_the_history_and_the_total()
    {
        var token = TestContext.Current.CancellationToken;
        var queries = new OutageQueries(_source);

        var all = await queries.GetOutageHistoryPageAsync(new OutageHistoryFilter(From, To), 0, 10, token);
        var momentary = await queries.GetOutageHistoryPageAsync(new OutageHistoryFilter(From, To, Kind: OutageKind.Momentary), 0, 10, token);
        var sustained = await queries.GetOutageHistoryPageAsync(new OutageHistoryFilter(From, To, Kind: OutageKind.Sustained), 0, 10, token);
        var feeder = await queries.GetOutageHistoryPageAsync(new OutageHistoryFilter(From, To, CircuitId: "FDR-001-01", Cause: "VEGETATION"), 0, 10, token);
        var active = ViewQueries.Long(TestTerritory.TemplatePath, "SELECT COUNT(*) FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE OUTAGE_END_TIME IS NULL");

        Assert.Equal(10, all.Rows.Count);
        Assert.Equal(all.TotalRows, momentary.TotalRows + sustained.TotalRows + active);
        Assert.All(momentary.Rows, o => Assert.True(o.IsMomentary || o.DurationMinutes(o.EndTime!.Value) <= 5));
        Assert.All(feeder.Rows, o => Assert.Equal(("FDR-001-01", "VEGETATION"), (o.CircuitId, o.Cause)));
        Assert.True(feeder.TotalRows < all.TotalRows);
    }

    [Fact]
    public async Task A_reversed_range_is_refused()
    {
        var queries = new OutageQueries(_source);

        await Assert.ThrowsAsync<ArgumentException>(() => queries.GetOutageHistoryPageAsync(new OutageHistoryFilter(To, From), 0, 10, TestContext.Current.CancellationToken));
    }

    public void Dispose() => _source.Dispose();
}
