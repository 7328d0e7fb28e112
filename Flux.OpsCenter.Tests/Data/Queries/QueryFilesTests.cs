using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Data.Queries;

/// <summary>Every query file runs against a generated territory with sample arguments and returns rows.</summary>
public sealed class QueryFilesTests : IDisposable
{
    private static readonly DateTime From = TestTerritory.AsOf.UtcDateTime.AddDays(-400);
    private static readonly DateTime To = TestTerritory.AsOf.UtcDateTime.AddDays(1);

    // Arguments per query file; a new query file without an entry here fails the test below.
    private static readonly Dictionary<string, object?[]> SampleArguments = new(StringComparer.Ordinal)
    {
        ["GetActiveOutages"] = [100],
        ["CountCascadeAnalysis"] = [],
        ["GetCascadeCandidates"] = [15],
        ["GetGridEdges"] = [],
        ["GetGridNodes"] = [],
        ["GetPrecomputedCascade"] = ["summer_peak-SUB-001"],
        ["GetPrecomputedCascades"] = [10],
        ["GetCircuitStatus"] = [100],
        ["GetCrews"] = [100],
        ["GetDatabaseInfo"] = [],
        ["GetFeeder"] = ["FDR-001-01"],
        ["GetFeederLines"] = ["FDR-001-01"],
        ["GetFeeders"] = [100],
        ["GetFeedersBySubstation"] = ["SUB-001"],
        ["GetKpis"] = [],
        ["GetOpenWorkOrders"] = [100],
        ["GetOutageHistory"] = [From, To, 100, 0],
        ["GetOutagesByCircuit"] = ["FDR-001-01", 100],
        ["GetServiceAreas"] = [100],
        ["GetSubstation"] = ["SUB-001"],
        ["GetSubstations"] = [100],
        ["GetTopologyEdgesByCircuit"] = ["FDR-001-01", 100],
        ["GetTopologyEdgesInBox"] = [29.0, 30.5, -96.5, -94.5, 100],
        ["GetTopologyNodesByCircuit"] = ["FDR-001-01", 100],
        ["GetTopologyNodesInBox"] = [29.0, 30.5, -96.5, -94.5, 100],
    };

    private readonly DuckDbSource _source = new(TestTerritory.CreateCopy());

    public static TheoryData<string> QueryNames() => [.. QueryCatalog.QueryNames()];

    [Theory]
    [MemberData(nameof(QueryNames))]
    public async Task Query_file_runs_and_returns_rows(string queryName)
    {
        Assert.True(SampleArguments.TryGetValue(queryName, out var arguments), $"Add sample arguments for {queryName}.sql to this test.");
        var text = QueryCatalog.Query(queryName);
        Assert.Equal(arguments.Length, text.Count(c => c == '?'));

        var rows = await _source.QueryAsync(new SqlRequest(queryName, text, arguments, SqlRequest.DefaultTimeout), r => r, TestContext.Current.CancellationToken);

        Assert.NotEmpty(rows);
    }

    [Fact]
    public async Task Every_sample_query_maps_to_records_through_the_read_api()
    {
        var queries = new GridQueries(_source);
        var token = TestContext.Current.CancellationToken;

        Assert.NotNull(await queries.GetKpisAsync(token));
        Assert.NotEmpty(await queries.GetSubstationsAsync(token));
        Assert.NotNull(await queries.GetSubstationAsync("SUB-001", token));
        Assert.NotEmpty(await queries.GetFeedersAsync(token));
        Assert.NotNull(await queries.GetFeederAsync("FDR-001-01", token));
        Assert.NotEmpty(await queries.GetFeedersBySubstationAsync("SUB-001", token));
        Assert.NotEmpty(await queries.GetServiceAreasAsync(token));
        Assert.NotEmpty(await queries.GetCircuitStatusAsync(50, token));
        Assert.NotEmpty(await queries.GetTopologyNodesByCircuitAsync("FDR-001-01", 500, token));
        Assert.NotEmpty(await queries.GetTopologyEdgesByCircuitAsync("FDR-001-01", 500, token));
        Assert.NotEmpty(await queries.GetTopologyNodesInBoxAsync(new(-96.5, 29.0, -94.5, 30.5), 500, token));
        Assert.NotEmpty(await queries.GetTopologyEdgesInBoxAsync(new(-96.5, 29.0, -94.5, 30.5), 500, token));
        Assert.NotEmpty(await queries.GetFeederLinesAsync("FDR-001-01", token));
        Assert.NotEmpty(await queries.GetActiveOutagesAsync(50, token));
        Assert.NotEmpty(await queries.GetOutageHistoryAsync(new DateTimeOffset(From), new DateTimeOffset(To), 50, 0, token));
        Assert.NotEmpty(await queries.GetOpenWorkOrdersAsync(50, token));
        Assert.NotEmpty(await queries.GetCrewsAsync(50, token));
    }

    [Fact]
    public async Task Unknown_id_returns_nothing_rather_than_failing()
    {
        var queries = new GridQueries(_source);

        Assert.Null(await queries.GetFeederAsync("FDR-DOES-NOT-EXIST", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Broken_sql_surfaces_as_a_query_error_of_the_embedded_source()
    {
        var request = new SqlRequest("Broken", "SELECT * FROM PRODUCTION.NO_SUCH_TABLE", [], SqlRequest.DefaultTimeout);

        var error = await Assert.ThrowsAsync<FluxDataException>(() => _source.QueryAsync(request, r => r, TestContext.Current.CancellationToken));

        Assert.Equal(DataSourceKind.Embedded, error.Source);
        Assert.Equal(DataErrorKind.Query, error.Kind);
        Assert.Contains("Broken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_passes_through_untouched()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new GridQueries(_source).GetKpisAsync(cancelled.Token));
    }

    public void Dispose() => _source.Dispose();
}
