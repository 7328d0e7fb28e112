namespace Flux.OpsCenter.Web.Components.Map;

/// <summary>
/// An area drawn over the grid map: a circle of <paramref name="RadiusMeters"/> around a point, with a tooltip.
/// <paramref name="Tentative"/> areas (a predicted outage nobody has confirmed) are drawn dotted in the warning colour.
/// </summary>
public sealed record MapMarker(string Id, string Label, double Latitude, double Longitude, double RadiusMeters, bool Tentative = false);
