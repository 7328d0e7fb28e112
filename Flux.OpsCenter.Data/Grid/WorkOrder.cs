namespace Flux.OpsCenter.Data.Grid;

/// <summary>One work order of WORK_ORDERS.</summary>
public sealed record WorkOrder(
    string WorkOrderId,
    string? OutageId,
    string AssetId,
    string AssetType,
    string CircuitId,
    string SubstationId,
    string WorkType,
    string Priority,
    string Status,
    string Description,
    string? CrewId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ScheduledStart,
    DateTimeOffset? CompletedAt,
    double EstimatedHours);
