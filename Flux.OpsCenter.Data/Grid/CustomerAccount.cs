namespace Flux.OpsCenter.Data.Grid;

/// <summary>One customer account as the customer card shows it: who, where, which class, and whether on critical care.</summary>
public sealed record CustomerAccount(
    string CustomerId,
    string FullName,
    string ServiceAddress,
    string City,
    string State,
    string ZipCode,
    string Segment,
    string AccountStatus,
    bool IsCriticalCare,
    string MeterId,
    string TransformerId,
    string CircuitId,
    string SubstationId);
