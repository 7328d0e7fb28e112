namespace Flux.OpsCenter.Data.Grid;

/// <summary>The columns the feeder list can be sorted by; nothing else reaches the SQL.</summary>
public enum FeederSortColumn
{
    CircuitId,
    SubstationName,
    CustomersServed,
    CustomersOut,
    LoadPct,
    AvgHealth,
    LengthMiles,
    Status,
}
