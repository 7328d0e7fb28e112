namespace Flux.OpsCenter.Data.Grid;

/// <summary>Where a customer is served: its meter and the meter's position.</summary>
public sealed record CustomerLocation(string CustomerId, string MeterId, string CircuitId, double Latitude, double Longitude);
