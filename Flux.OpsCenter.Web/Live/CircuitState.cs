using Flux.OpsCenter.Data.Grid;

namespace Flux.OpsCenter.Web.Live;

/// <summary>The live state of one circuit as the feed and the hub carry it: compact, compared by value.</summary>
public sealed record CircuitState(
    string CircuitId,
    string CircuitName,
    string SubstationId,
    string SubstationName,
    string Status,
    long CustomersServed,
    long CustomersOut,
    long ActiveOutages,
    double LoadPct,
    double? AvgHealthScore,
    double? CentroidLat = null,
    double? CentroidLon = null)
{
    public static CircuitState From(CircuitStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new(status.CircuitId, status.CircuitName, status.SubstationId, status.SubstationName, status.Status,
            status.CustomersServed, status.CustomersOut, status.ActiveOutages, status.LoadPct, status.AvgHealthScore,
            status.CentroidLat, status.CentroidLon);
    }
}
