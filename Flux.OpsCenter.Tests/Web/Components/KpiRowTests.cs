using Bunit;
using Flux.OpsCenter.Tests.Support;
using Flux.OpsCenter.Web.Components.Pages.Overview;

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
}
