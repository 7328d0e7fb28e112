namespace Flux.OpsCenter.Data.Grid;

/// <summary>The columns the substation list can be sorted by; nothing else reaches the SQL.</summary>
public enum SubstationSortColumn
{
    SubstationId,
    SubstationName,
    Region,
    CapacityMva,
    CurrentLoadMw,
    LoadPct,
    CircuitCount,
    CustomersServed,
    CustomersOut,
    AvgHealth,
    Status,
}
