namespace Flux.OpsCenter.Data.Grid;

/// <summary>Open work orders of one priority and status.</summary>
public sealed record WorkOrderSummary(string Priority, string Status, long WorkOrders, double EstimatedHours);
