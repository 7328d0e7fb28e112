using Flux.OpsCenter.Data.Grid;

namespace Flux.OpsCenter.Web.Components.Map;

/// <summary>An area drawn over the grid map: a circle of <paramref name="RadiusMeters"/> around a point, with a tooltip.</summary>
public sealed record MapMarker(string Id, string Label, double Latitude, double Longitude, double RadiusMeters)
{
    /// <summary>
    /// An active outage's area: a circle whose area grows with the customers out (60 m of radius for one customer, 600 m
    /// for a hundred).
    /// </summary>
    public static MapMarker ForOutage(Outage outage)
    {
        ArgumentNullException.ThrowIfNull(outage);
        return new MapMarker(
            outage.OutageId,
            $"{outage.OutageId} · {outage.CustomersAffected:N0} customers out · {outage.Cause.Replace('_', ' ').ToLowerInvariant()} · {outage.DeviceType.ToLowerInvariant()} {outage.DeviceId}",
            outage.Latitude,
            outage.Longitude,
            60 * Math.Sqrt(Math.Max(1, outage.CustomersAffected)));
    }
}
