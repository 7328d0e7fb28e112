using Bunit;
using Flux.OpsCenter.Tests.Support;
using Flux.OpsCenter.Web.Components.Map;

namespace Flux.OpsCenter.Tests.Web.Components;

public sealed class AssetCardTests : BunitTestContext
{
    [Fact]
    public void Shows_the_asset_figures_and_links_to_its_feeder_and_substation()
    {
        var cut = Render<AssetCard>(p => p.Add(x => x.Asset, Builders.TransformerCard()));

        Assert.Equal("TX-0000042", cut.Find("[data-testid=asset-card-id]").TextContent);
        Assert.Contains("Distribution transformer", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("Overloaded", cut.Find("[data-testid=asset-card-status]").TextContent.Trim());
        Assert.Equal("61.3", cut.Find("[data-testid=asset-card-health]").TextContent);
        Assert.Equal("104.2%", cut.Find("[data-testid=asset-card-load]").TextContent);
        Assert.Equal("12", cut.Find("[data-testid=asset-card-customers]").TextContent);
        Assert.Equal("/feeders/FDR-003-02", cut.Find("[data-testid=asset-card-feeder]").GetAttribute("href"));
        Assert.Equal("/substations/SUB-003", cut.Find("[data-testid=asset-card-substation]").GetAttribute("href"));
        Assert.Equal("/feeders/FDR-003-02", cut.Find("[data-testid=asset-card-open]").GetAttribute("href"));
    }

    [Fact]
    public void A_substation_card_opens_the_substation_drill_down()
    {
        var card = new MapAssetCard("SUB-003", "SUBSTATION", "Greenspoint", "PARTIAL", 77.1, 64.0, 11_250, null, "SUB-003");

        var cut = Render<AssetCard>(p => p.Add(x => x.Asset, card));

        Assert.Equal("/substations/SUB-003", cut.Find("[data-testid=asset-card-open]").GetAttribute("href"));
        Assert.Equal("Open substation", cut.Find("[data-testid=asset-card-open]").TextContent.Trim());
        Assert.Equal("–", cut.Find("td:nth-child(2) span").TextContent);
    }

    [Fact]
    public void Close_button_raises_the_callback_and_is_absent_without_one()
    {
        var closed = false;
        var withClose = Render<AssetCard>(p => p.Add(x => x.Asset, Builders.TransformerCard()).Add(x => x.OnClose, () => closed = true));
        var without = Render<AssetCard>(p => p.Add(x => x.Asset, Builders.TransformerCard()));

        withClose.Find("button[aria-label='Close asset card']").Click();

        Assert.True(closed);
        Assert.Empty(without.FindAll("button[aria-label='Close asset card']"));
    }
}
