using Bunit;
using Flux.OpsCenter.Tests.Support;
using Flux.OpsCenter.Web.Components.Map;

namespace Flux.OpsCenter.Tests.Web.Components;

public sealed class AssetCardVegetationTests : BunitTestContext
{
    [Fact]
    public void Lists_the_trees_within_100_m_and_counts_those_that_can_fall_on_the_asset_as_critical()
    {
        NearbyTree[] trees =
        [
            new("TREE-0000007", "Live Oak", "HIGH", "CRITICAL", 0.91, 6.2, true),
            new("TREE-0000031", "Pecan", "HIGH", "WARNING", 0.52, 18.0, true),
            new("TREE-0000012", "Crape Myrtle", "LOW", "SAFE", 0.08, 64.5, false),
        ];

        var cut = Render<AssetCard>(p => p.Add(x => x.Asset, Builders.TransformerCard()).Add(x => x.Trees, trees));

        var section = cut.Find("[data-testid=asset-card-trees]").TextContent;
        Assert.Contains("Trees within 100 m · 2 critical", section, StringComparison.Ordinal);
        Assert.Contains("TREE-0000007 · Live Oak · critical 0.91 · 6.2 m · can fall on it", section, StringComparison.Ordinal);
        Assert.Contains("TREE-0000012 · Crape Myrtle · safe 0.08 · 64.5 m", section, StringComparison.Ordinal);
        Assert.True(section.IndexOf("TREE-0000007", StringComparison.Ordinal) < section.IndexOf("TREE-0000012", StringComparison.Ordinal));
    }

    [Fact]
    public void Says_so_when_no_tree_is_near_and_shows_no_section_for_a_card_without_trees()
    {
        var none = Render<AssetCard>(p => p.Add(x => x.Asset, Builders.TransformerCard()).Add(x => x.Trees, []));
        var unknown = Render<AssetCard>(p => p.Add(x => x.Asset, Builders.TransformerCard()));

        Assert.Equal("No tree within 100 m.", none.Find("[data-testid=asset-card-trees]").TextContent.Trim());
        Assert.Empty(unknown.FindAll("[data-testid=asset-card-trees]"));
    }
}
