using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Spatial;
using Flux.OpsCenter.Web.Live;
using Flux.OpsCenter.Web.Components.Pages.Outages;

namespace Flux.OpsCenter.Web.Components.Map;

/// <summary>
/// An area drawn over the grid map: a circle of <paramref name="RadiusMeters"/> around a point, with a tooltip.
/// <paramref name="Tentative"/> areas (a predicted outage nobody has confirmed) are drawn dotted in the warning colour.
/// </summary>
/// <paramref name="Ring"/> markers (a feeder out or partly out) are a ring of fixed screen size drawn above everything,
/// so they stand out at territory zoom where a feeder's own line is a few pixels.
public sealed record MapMarker(string Id, string Label, double Latitude, double Longitude, double RadiusMeters, bool Tentative = false, bool Ring = false)
{
    /// <summary>The live statuses a feeder ring marks: the whole feeder out, or part of it.</summary>
    public static bool IsAbnormalFeeder(CircuitState circuit) =>
        circuit is { CentroidLat: not null, CentroidLon: not null } && MapStatusOf.Circuit(circuit.Status) is MapStatus.Outage or MapStatus.Partial;

    /// <summary>A ring at the feeder's centroid: the outage colour when it is out, the warning colour when partly out.</summary>
    public static MapMarker ForAbnormalFeeder(CircuitState circuit)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        return new MapMarker(
            circuit.CircuitId,
            $"Feeder {circuit.CircuitId} · {circuit.Status.ToLowerInvariant()} · {circuit.CustomersOut:N0} of {circuit.CustomersServed:N0} customers out · {circuit.SubstationName}",
            circuit.CentroidLat ?? 0,
            circuit.CentroidLon ?? 0,
            0,
            Tentative: MapStatusOf.Circuit(circuit.Status) == MapStatus.Partial,
            Ring: true);
    }

    /// <summary>
    /// An active outage's area, the one rule for every map that shows outages: a circle whose area grows with the
    /// customers out (60 m of radius for one customer, 600 m for a hundred), tentative while the outage is only predicted.
    /// </summary>
    public static MapMarker ForOutage(Outage outage)
    {
        ArgumentNullException.ThrowIfNull(outage);
        return new MapMarker(
            outage.OutageId,
            $"{outage.OutageId} · {(outage.Stage is { } stage ? OutageStageChip.Label(stage) : "active")} · {outage.CustomersAffected:N0} customers out · {outage.Cause.Replace('_', ' ').ToLowerInvariant()} · {outage.DeviceType.ToLowerInvariant()} {outage.DeviceId}",
            outage.Latitude,
            outage.Longitude,
            60 * Math.Sqrt(Math.Max(1, outage.CustomersAffected)),
            Tentative: outage.Stage == OutageStage.Predicted);
    }
}
