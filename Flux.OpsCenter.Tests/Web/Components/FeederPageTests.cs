using Bunit;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Tests.Support;
using Flux.OpsCenter.Web.Components.Charts;
using Flux.OpsCenter.Web.Components.Map;
using Flux.OpsCenter.Web.Components.Pages.Feeders;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.OpsCenter.Tests.Web.Components;

/// <summary>The feeder drill-down over the small territory, with the map and chart stubbed (they need a browser).</summary>
public sealed class FeederPageTests : BunitTestContext
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _path;
    private readonly HeldSqlSource _source;

    public FeederPageTests()
        : this(TestTerritory.CreateCopy())
    {
    }

    private FeederPageTests(string path)
        : this(path, new HeldSqlSource(new DuckDbSource(path)))
    {
    }

    private FeederPageTests(string path, HeldSqlSource source)
        : base(services => services.AddSingleton(new GridQueries(source)).AddSingleton(TimeProvider.System))
    {
        _path = path;
        _source = source;
        ComponentFactories.AddStub<GridMap>();
        ComponentFactories.AddStub<ApexChart>();
    }

    [Fact]
    public void Following_the_tie_link_shows_loading_then_the_tie_feeder_and_never_the_first_feeders_data()
    {
        var (a, b) = TiedPair();
        var cut = Render<FeederPage>(p => p.Add(x => x.CircuitId, a));
        cut.WaitForAssertion(() => Assert.Equal(Count($"SELECT COUNT(*) FROM PRODUCTION.TRANSFORMER_METADATA WHERE CIRCUIT_ID = '{a}'"),
            cut.FindAll("[data-testid=transformer-id]").Count), Patience);
        Assert.Contains(b, cut.Find("[data-testid=feeder-tie]").TextContent, StringComparison.Ordinal);

        // Everything the page draws from the moment it is on B's route, while B's queries are slow.
        _source.Hold(b);
        cut.Render(p => p.Add(x => x.CircuitId, b));
        var drawnUnderB = new List<string> { cut.Markup };
        cut.OnMarkupUpdated += (_, _) =>
        {
            lock (drawnUnderB)
            {
                drawnUnderB.Add(cut.Markup);
            }
        };

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=feeder-loading]")), Patience);
        Assert.Empty(cut.FindAll("[data-testid=feeder-title]"));
        _source.Release(b);

        var transformersOfB = Texts($"SELECT TRANSFORMER_ID FROM PRODUCTION.TRANSFORMER_METADATA WHERE CIRCUIT_ID = '{b}' ");
        Array.Sort(transformersOfB, StringComparer.Ordinal);
        cut.WaitForAssertion(() =>
        {
            Assert.StartsWith($"Feeder {b} ·", cut.Find("[data-testid=feeder-title]").TextContent, StringComparison.Ordinal);
            Assert.Equal(transformersOfB, cut.FindAll("[data-testid=transformer-id]").Select(t => t.TextContent.Trim()).Order(StringComparer.Ordinal).ToArray());
        }, Patience);
        var transformersOfA = Texts($"SELECT TRANSFORMER_ID FROM PRODUCTION.TRANSFORMER_METADATA WHERE CIRCUIT_ID = '{a}'");
        string[] drawn;
        lock (drawnUnderB)
        {
            drawn = [.. drawnUnderB, cut.Markup];
        }

        Assert.All(drawn, markup =>
        {
            Assert.DoesNotContain($"Feeder {a} ·", markup, StringComparison.Ordinal);
            Assert.DoesNotContain(transformersOfA, id => markup.Contains($">{id}<", StringComparison.Ordinal));
        });
    }

    private (string A, string B) TiedPair()
    {
        var a = Texts("SELECT CIRCUIT_ID FROM PRODUCTION.CIRCUIT_METADATA WHERE TIE_CIRCUIT_ID IS NOT NULL ORDER BY CIRCUIT_ID LIMIT 1").Single();
        return (a, Texts($"SELECT TIE_CIRCUIT_ID FROM PRODUCTION.CIRCUIT_METADATA WHERE CIRCUIT_ID = '{a}'").Single());
    }

    private int Count(string sql) => (int)ViewQueries.Long(_path, sql);

    private string[] Texts(string sql) => [.. ViewQueries.Column(_path, sql)];
}
