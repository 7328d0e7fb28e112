using Bunit;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Tests.Support;
using Flux.OpsCenter.Web.Components.Pages.Feeders;
using Flux.OpsCenter.Web.Components.Pages.Substations;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Flux.OpsCenter.Tests.Web.Components;

/// <summary>The feeder and substation lists page, sort and filter on the server (the small territory's rows).</summary>
public sealed class ListPagesTests : BunitTestContext
{
    private readonly string _path;
    private readonly DuckDbSource _source;

    public ListPagesTests()
        : this(TestTerritory.CreateCopy())
    {
    }

    private ListPagesTests(string path)
        : this(path, new DuckDbSource(path))
    {
    }

    private ListPagesTests(string path, DuckDbSource source)
        : base(services => services.AddSingleton(new GridQueries(source)))
    {
        _path = path;
        _source = source;
        Render<MudPopoverProvider>();
    }

    [Fact]
    public void Feeder_list_shows_one_page_worst_first_with_the_total()
    {
        var total = ViewQueries.Long(_path, "SELECT COUNT(*) FROM APPLICATIONS.FLUX_OPS_CENTER_TOPOLOGY_FEEDERS");
        var worst = ViewQueries.Scalar(_path, """
            SELECT CIRCUIT_ID FROM APPLICATIONS.FLUX_OPS_CENTER_TOPOLOGY_FEEDERS
            ORDER BY CASE STATUS WHEN 'OUTAGE' THEN 0 WHEN 'PARTIAL' THEN 1 WHEN 'OVERLOADED' THEN 2 ELSE 3 END, CIRCUIT_ID LIMIT 1
            """);

        var cut = Render<FeedersPage>();

        cut.WaitForAssertion(() => Assert.Equal((int)Math.Min(25, total), cut.FindAll("[data-testid=feeder-link]").Count), TimeSpan.FromSeconds(60));
        Assert.Equal(worst, cut.FindAll("[data-testid=feeder-link]")[0].TextContent);
        Assert.Contains($"of {total}", cut.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Feeder_list_filter_narrows_the_rows_on_the_server()
    {
        var substation = (string)ViewQueries.Scalar(_path, "SELECT MIN(SUBSTATION_ID) FROM PRODUCTION.SUBSTATIONS")!;
        var expected = ViewQueries.Long(_path, $"SELECT COUNT(*) FROM APPLICATIONS.FLUX_OPS_CENTER_TOPOLOGY_FEEDERS WHERE CIRCUIT_ID ILIKE '%{substation[4..]}-%'");
        var cut = Render<FeedersPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=feeder-link]")), TimeSpan.FromSeconds(60));

        cut.Find("input[data-testid=list-filter]").Input($"{substation[4..]}-");

        cut.WaitForAssertion(() =>
        {
            var links = cut.FindAll("[data-testid=feeder-link]");
            Assert.Equal(expected, links.Count);
            Assert.All(links, link => Assert.Contains($"{substation[4..]}-", link.TextContent, StringComparison.Ordinal));
        }, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void Substation_list_sorts_by_a_column_header()
    {
        var busiest = ViewQueries.Scalar(_path, "SELECT SUBSTATION_ID FROM APPLICATIONS.FLUX_OPS_CENTER_TOPOLOGY_METRO ORDER BY LOAD_PCT DESC, SUBSTATION_ID LIMIT 1");
        var cut = Render<SubstationsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=substation-link]")), TimeSpan.FromSeconds(60));

        var loadHeader = cut.FindAll("th").Single(th => th.TextContent.Contains("Load %", StringComparison.Ordinal));
        loadHeader.QuerySelector(".sortable-column-header")!.Click();
        cut.WaitForAssertion(() => Assert.NotEqual(busiest, cut.FindAll("[data-testid=substation-link]")[0].TextContent), TimeSpan.FromSeconds(60));
        cut.FindAll("th").Single(th => th.TextContent.Contains("Load %", StringComparison.Ordinal)).QuerySelector(".sortable-column-header")!.Click();

        cut.WaitForAssertion(() => Assert.Equal(busiest, cut.FindAll("[data-testid=substation-link]")[0].TextContent), TimeSpan.FromSeconds(60));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _source.Dispose();
        }

        base.Dispose(disposing);
    }
}
