using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Web.Components.Pages.Outages;

namespace Flux.OpsCenter.Web.Components.Map;

/// <summary>
/// An area drawn over the grid map: a circle of <paramref name="RadiusMeters"/> around a point, with a tooltip.
/// <paramref name="Tentative"/> areas (a predicted outage nobody has confirmed) are drawn dotted in the warning colour.
/// </summary>
public sealed record MapMarker(string Id, string Label, double Latitude, double Longitude, double RadiusMeters, bool Tentative = false)
{
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
