namespace Flux.OpsCenter.Web.Components.Map;

/// <summary>What the map module drew for the current view, reported back after each load.</summary>
public sealed record MapViewSummary(int Zoom, int Features, IReadOnlyList<MapViewLayer> Layers);

/// <summary>One drawn layer: how (points, clusters, lines), how many features and how many assets they stand for.</summary>
public sealed record MapViewLayer(string Layer, string Mode, int Features, long Assets);
