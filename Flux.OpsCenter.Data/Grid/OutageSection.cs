namespace Flux.OpsCenter.Data.Grid;

/// <summary>One restorable section of an outage (a distribution transformer behind its isolating device) and its customers.</summary>
public sealed record OutageSection(string TransformerId, long Customers, long CriticalCareCustomers, DateTimeOffset? RestoredAt, string? RestoredBy);
