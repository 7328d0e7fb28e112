using Flux.OpsCenter.Data.Analysis.Network;
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
    string? SubstationId,
    MapDeviceDetails? Device = null,
    CustomerAccount? Customer = null)
{
    /// <summary>A customer's card: the account, found at its meter.</summary>
    public static MapAssetCard From(CustomerAccount customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        // "Account active", not the bare ACTIVE that status chips read as an active outage (the error colour).
        return new(customer.CustomerId, "CUSTOMER", customer.FullName, $"ACCOUNT {customer.AccountStatus}", null, null, null,
            customer.CircuitId, customer.SubstationId, Customer: customer);
    }

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

    public static MapAssetCard From(DeviceStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var d = status.Device;
        var state = status.IsOpen ? SwitchingDeviceTypes.Open : SwitchingDeviceTypes.Closed;
        // The chip shows whether the device carries load: open, de-energised upstream, or energised.
        var chip = status.IsOpen ? "OPEN" : status.EnergizingCircuitId is null ? "OUTAGE" : "ENERGIZED";
        return new(d.Id, d.TypeName, d.Name, chip, null, null, status.DownstreamCustomers, d.CircuitId, d.SubstationId,
            new MapDeviceDetails(state, d.IsNormallyOpen ? SwitchingDeviceTypes.Open : SwitchingDeviceTypes.Closed, status.EnergizingCircuitId,
                status.DownstreamCustomers, status.DownstreamCriticalCareCustomers, status.LastOperatedAt, status.LastOperation));
    }
}
