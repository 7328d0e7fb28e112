using Bunit;
using Flux.OpsCenter.Data.Analysis.Reliability;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Tests.Support;
using Flux.OpsCenter.Web.Components.Pages.Overview;
using Flux.OpsCenter.Web.Components.Panels;

namespace Flux.OpsCenter.Tests.Web.Components;

public sealed class KpiRowTests : BunitTestContext
{
    [Fact]
    public void Shows_each_figure_of_the_kpi_row()
    {
        var cut = Render<KpiRow>(p => p.Add(x => x.Kpis, Builders.Kpis()));

        Assert.Equal("690,123", cut.Find("[data-testid=kpi-total-customers-value]").TextContent);
        Assert.Equal("1,234", cut.Find("[data-testid=kpi-customers-out-value]").TextContent);
        Assert.Equal("7", cut.Find("[data-testid=kpi-active-outages-value]").TextContent);
        Assert.Equal("160.5", cut.Find("[data-testid=kpi-saidi-value]").TextContent);
        Assert.Equal("1.024", cut.Find("[data-testid=kpi-saifi-value]").TextContent);
        Assert.Equal("156.7", cut.Find("[data-testid=kpi-caidi-value]").TextContent);
        Assert.Contains("36.8% of 3,888 MW", cut.Find("[data-testid=kpi-load-caption]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Customers_out_is_red_only_when_someone_is_out()
    {
        var dark = Render<KpiRow>(p => p.Add(x => x.Kpis, Builders.Kpis(customersOut: 10)));
        var clear = Render<KpiRow>(p => p.Add(x => x.Kpis, Builders.Kpis(customersOut: 0, activeOutages: 0)));

        Assert.Contains("mud-error-text", dark.Find("[data-testid=kpi-customers-out-value]").ClassName, StringComparison.Ordinal);
        Assert.Contains("mud-success-text", clear.Find("[data-testid=kpi-customers-out-value]").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_tile_shows_its_as_of_time()
    {
        var cut = Render<KpiRow>(p => p.Add(x => x.Kpis, Builders.Kpis()));

        var stamps = cut.FindAll("[data-testid$=-as-of]");
        Assert.Equal(11, stamps.Count);
        Assert.All(stamps, stamp => Assert.Equal("as of 2026-11-20 09:00 CST", stamp.TextContent));
    }

    [Fact]
    public void Reliability_tiles_show_the_change_against_the_previous_twelve_months()
    {
        var previous = new PriorPeriodReliability(Builders.Kpis().AsOf.AddDays(-730), Builders.Kpis().AsOf.AddDays(-365), 900, Saidi: 170.46, Saifi: 0.9, Caidi: 156.7);

        var cut = Render<KpiRow>(p => p.Add(x => x.Kpis, Builders.Kpis()).Add(x => x.Previous, previous));

        var saidi = cut.Find("[data-testid=kpi-saidi-change]");
        Assert.Equal("▼ 10.0 min vs prior 12 months (170.5)", saidi.TextContent);
        Assert.Contains("mud-success-text", saidi.ClassName, StringComparison.Ordinal);
        var saifi = cut.Find("[data-testid=kpi-saifi-change]");
        Assert.Equal("▲ 0.124 vs prior 12 months (0.900)", saifi.TextContent);
        Assert.Contains("mud-error-text", saifi.ClassName, StringComparison.Ordinal);
        Assert.Equal("= 0.0 min vs prior 12 months (156.7)", cut.Find("[data-testid=kpi-caidi-change]").TextContent);
    }

    [Fact]
    public void Says_so_when_the_previous_period_has_no_records()
    {
        var empty = new PriorPeriodReliability(Builders.Kpis().AsOf.AddDays(-730), Builders.Kpis().AsOf.AddDays(-365), 0, null, null, null);

        var cut = Render<KpiRow>(p => p.Add(x => x.Kpis, Builders.Kpis()).Add(x => x.Previous, empty));

        Assert.Equal("prior 12 months: no outage records", cut.Find("[data-testid=kpi-saidi-change]").TextContent);
    }

    [Fact]
    public void Saidi_tile_shows_that_saidi_without_major_events_got_worse_while_the_total_improved()
    {
        // With MEDs 200 → 150 min (a hurricane last year); without MEDs 90 → 110 min: the arrow alone would hide that.
        var comparison = new ReliabilityComparison(Report(customerMinutes: 150_000, excludingMinutes: 110_000), Report(customerMinutes: 200_000, excludingMinutes: 90_000));
        var load = new PanelLoad<string, ReliabilityComparison>();
        load.Push("", comparison);

        var cut = Render<KpiRow>(p => p.Add(x => x.Kpis, Builders.Kpis()).Add(x => x.MajorEvents, load));

        var line = cut.Find("[data-testid=kpi-saidi-med]");
        Assert.Equal("with MEDs ▼ 50.0 min (200.0 → 150.0) · without MEDs ▲ 20.0 min (90.0 → 110.0)", line.TextContent);
        Assert.Contains("mud-error-text", line.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_major_event_comparison_leaves_every_tile_showing()
    {
        var load = new PanelLoad<string, ReliabilityComparison>();
        load.PushFailure("", "the warehouse is not answering", Builders.Kpis().AsOf);

        var cut = Render<KpiRow>(p => p.Add(x => x.Kpis, Builders.Kpis()).Add(x => x.MajorEvents, load));

        Assert.Equal("160.5", cut.Find("[data-testid=kpi-saidi-value]").TextContent);
        Assert.Equal(11, cut.FindAll("[data-testid$=-value]").Count);
        Assert.Equal("failed", cut.Find("[data-testid=kpi-saidi-med]").GetAttribute("data-state"));
        Assert.Contains("the warehouse is not answering", cut.Find("[data-testid=kpi-saidi-med]").TextContent, StringComparison.Ordinal);
    }

    private static ReliabilityReport Report(double customerMinutes, double excludingMinutes)
    {
        var period = ReliabilityPeriod.LastTwelveMonths(Builders.Kpis().AsOf);
        var threshold = new MajorEventThreshold(period.From.AddYears(-5), period.From, 5, 900, 0.1, 0.5, 4.2);
        return new ReliabilityReport(period, ReliabilityScope.System, threshold, [],
            ReliabilityIndices.From(new InterruptionTotals(10, 1_000, customerMinutes, 800, 0, 0), 1_000, period.Minutes),
            ReliabilityIndices.From(new InterruptionTotals(8, 800, excludingMinutes, 700, 0, 0), 1_000, period.Minutes));
    }
}
