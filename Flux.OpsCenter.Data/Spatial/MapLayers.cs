namespace Flux.OpsCenter.Data.Spatial;

/// <summary>The map's asset layers, combinable; their API names are the lower-case plurals.</summary>
[Flags]
public enum MapLayers
{
    None = 0,
    Substations = 1,
    Feeders = 2,
    Transformers = 4,
    Poles = 8,
    Meters = 16,
    Devices = 32,
    All = Substations | Feeders | Transformers | Poles | Meters | Devices,
}
