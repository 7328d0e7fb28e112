namespace Flux.OpsCenter.Data.Spatial;

/// <summary>How a layer is drawn in one response.</summary>
public enum MapLayerMode
{
    /// <summary>Each asset on its own.</summary>
    Points,

    /// <summary>Assets grouped into screen-sized cells with a count and the worst status.</summary>
    Clusters,

    /// <summary>Feeder trunk paths, with laterals when zoomed in.</summary>
    Lines,
}
