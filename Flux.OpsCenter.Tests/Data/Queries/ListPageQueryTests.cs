using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Tests.Support;
using Flux.OpsCenter.Web.Components.Panels;

namespace Flux.OpsCenter.Tests.Data.Queries;

/// <summary>Server-side paging and sorting: same rows as independent SQL, and only whitelisted columns reach the query.</summary>
public sealed class ListPageQueryTests : IDisposable
{
    private readonly string _path = TestTerritory.CreateCopy();
    private readonly DuckDbSource _source;
    private readonly GridQueries _queries;

    public ListPageQueryTests()
    {
        _source = new DuckDbSource(_path);
        _queries = new GridQueries(_source);
    }

    [Fact]
    public async Task Second_page_by_load_descending_matches_sql()
    {
        var page = await _queries.GetFeederPageAsync(new ListPageRequest<FeederSortColumn>(null, null, FeederSortColumn.LoadPct, true, 5, 5), TestContext.Current.CancellationToken);

        var expected = Enumerable.Range(5, 5).Select(i => ViewQueries.Scalar(_path,
            $"SELECT CIRCUIT_ID FROM APPLICATIONS.FLUX_OPS_CENTER_TOPOLOGY_FEEDERS ORDER BY LOAD_PCT DESC NULLS LAST, CIRCUIT_ID LIMIT 1 OFFSET {i}"));
        Assert.Equal(expected, page.Rows.Select(r => (object?)r.CircuitId));
        Assert.Equal(ViewQueries.Long(_path, "SELECT COUNT(*) FROM APPLICATIONS.FLUX_OPS_CENTER_TOPOLOGY_FEEDERS"), page.TotalRows);
    }

    [Fact]
    public async Task Status_and_text_filters_are_bound_values_not_sql()
    {
        var hostile = await _queries.GetSubstationPageAsync(
            new ListPageRequest<SubstationSortColumn>("'; DROP TABLE PRODUCTION.SUBSTATIONS; --", null, SubstationSortColumn.SubstationId, false, 0, 10),
            TestContext.Current.CancellationToken);
        var energized = await _queries.GetSubstationPageAsync(
            new ListPageRequest<SubstationSortColumn>(null, "energized", SubstationSortColumn.SubstationName, false, 0, 500), TestContext.Current.CancellationToken);

        Assert.Empty(hostile.Rows);
        Assert.Equal(ViewQueries.Long(_path, "SELECT COUNT(*) FROM PRODUCTION.SUBSTATIONS"), ViewQueries.Long(_path, "SELECT COUNT(*) FROM PRODUCTION.SUBSTATIONS"));
        Assert.Equal(ViewQueries.Long(_path, "SELECT COUNT(*) FROM APPLICATIONS.FLUX_OPS_CENTER_TOPOLOGY_METRO WHERE STATUS = 'ENERGIZED'"), energized.TotalRows);
        Assert.Equal(energized.Rows.Select(r => r.SubstationName).Order(StringComparer.Ordinal), energized.Rows.Select(r => r.SubstationName));
    }

    [Theory]
    [InlineData("LoadPct", FeederSortColumn.LoadPct)]
    [InlineData("CIRCUIT_ID; DROP TABLE X", FeederSortColumn.Status)]
    [InlineData("TieCircuitId", FeederSortColumn.Status)]
    [InlineData(null, FeederSortColumn.Status)]
    public void Grid_sort_names_map_onto_the_whitelist_or_the_default(string? propertyName, FeederSortColumn expected) =>
        Assert.Equal(expected, ListSort.Parse(propertyName, FeederSortColumn.Status));

    public void Dispose() => _source.Dispose();
}
