using Flux.OpsCenter.Data.Grid;

namespace Flux.OpsCenter.Web.Components.Map;

/// <summary>What the asset card shows about one clicked or found asset.</summary>
public sealed record MapAssetCard(
    string AssetId,
    string AssetType,
    string Name,
    string Status,
    double? HealthScore,
    double? LoadPct,
    long? Customers,
    string? CircuitId,
    string? SubstationId)
{
    public static MapAssetCard From(TopologyNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new(node.AssetId, node.AssetType, node.AssetName, node.Status, node.HealthScore, node.LoadPct, node.Customers,
            node.CircuitId, node.SubstationId);
    }

    public static MapAssetCard From(FeederSummary feeder)
    {
        ArgumentNullException.ThrowIfNull(feeder);
        return new(feeder.CircuitId, "FEEDER", feeder.CircuitName, feeder.Status, feeder.AvgHealth, feeder.LoadPct, feeder.CustomersServed,
            feeder.CircuitId, feeder.SubstationId);
    }
}
