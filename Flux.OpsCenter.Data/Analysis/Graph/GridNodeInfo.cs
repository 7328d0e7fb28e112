namespace Flux.OpsCenter.Data.Analysis.Graph;

/// <summary>One node of the in-memory grid graph as pages and the API see it.</summary>
public sealed record GridNodeInfo(
    string Id,
    GridNodeType Type,
    string? Name,
    double Latitude,
    double Longitude,
    double CapacityKw,
    double LoadKw,
    int DownstreamCustomers,
    string? ParentId,
    string SubstationId);
