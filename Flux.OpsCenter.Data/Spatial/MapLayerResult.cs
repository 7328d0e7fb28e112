namespace Flux.OpsCenter.Data.Spatial;

/// <summary>What one layer of a map response holds: its mode, the features drawn and the assets they stand for.</summary>
public sealed class MapLayerResult
{
    internal MapLayerResult(MapLayers layer, MapLayerMode mode, List<int> items, long assets, ClusterLevel? level = null, List<int>? laterals = null)
    {
        Layer = layer;
        Mode = mode;
        Items = items;
        Assets = assets;
        Level = level;
        Laterals = laterals ?? [];
    }

    public MapLayers Layer { get; }

    public MapLayerMode Mode { get; }

    /// <summary>Features drawn: points, clusters, or trunk paths plus laterals.</summary>
    public int Features => Items.Count + Laterals.Count;

    /// <summary>Assets the features stand for (a cluster of 40 meters counts 40), for the layer toggles.</summary>
    public long Assets { get; }

    /// <summary>Zoom level of the clusters, when clustered.</summary>
    public int? ClusterZoom => Level?.Zoom;

    internal List<int> Items { get; }

    internal List<int> Laterals { get; }

    internal ClusterLevel? Level { get; }
}
