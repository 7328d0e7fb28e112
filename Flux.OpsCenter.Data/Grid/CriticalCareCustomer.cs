namespace Flux.OpsCenter.Data.Grid;

/// <summary>A critical-care (life-support) customer behind an outage, and whether they are still without power.</summary>
public sealed record CriticalCareCustomer(string CustomerId, string FullName, string ServiceAddress, string City, string TransformerId, bool StillOut);
