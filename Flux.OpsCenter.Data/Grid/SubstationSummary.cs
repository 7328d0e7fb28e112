namespace Flux.OpsCenter.Data.Grid;

/// <summary>One substation of FLUX_OPS_CENTER_TOPOLOGY_METRO.</summary>
public sealed record SubstationSummary(
    string SubstationId,
    string SubstationName,
    double Latitude,
    double Longitude,
    string Region,
    string VoltageClass,
    double CapacityMva,
    double CurrentLoadMw,
    double LoadPct,
    long CircuitCount,
    long TransformerCount,
    long MeterCount,
    long CustomersServed,
    long CustomersOut,
    long ActiveOutages,
    double? AvgHealth,
    string Status);
