namespace Flux.OpsCenter.Data.Grid;

/// <summary>The headline row of FLUX_OPS_CENTER_KPIS.</summary>
public sealed record OpsKpis(
    DateTimeOffset AsOf,
    long TotalCustomers,
    long CustomersOut,
    long ActiveOutages,
    long CircuitsInOutage,
    double TotalLoadMw,
    double PeakLoadMw24h,
    double SystemCapacityMw,
    long CrewsActive,
    long OpenWorkOrders,
    double AvgRestorationMinutes,
    double? Saidi12m,
    double? Saifi12m,
    double? Caidi12m,
    double? AvgAssetHealth);
