namespace Flux.OpsCenter.Web.Components.Map;

/// <summary>An area drawn over the grid map: a circle of <paramref name="RadiusMeters"/> around a point, with a tooltip.</summary>
public sealed record MapMarker(string Id, string Label, double Latitude, double Longitude, double RadiusMeters);
