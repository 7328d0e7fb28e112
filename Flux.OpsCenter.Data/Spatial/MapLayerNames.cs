namespace Flux.OpsCenter.Data.Spatial;

/// <summary>Parses and prints the layer names the map API speaks (<c>substations,feeders,transformers,poles,meters,devices</c>).</summary>
public static class MapLayerNames
{
    private static readonly (string Name, MapLayers Layer)[] Names =
    [
        ("substations", MapLayers.Substations),
        ("feeders", MapLayers.Feeders),
        ("transformers", MapLayers.Transformers),
        ("poles", MapLayers.Poles),
        ("meters", MapLayers.Meters),
        ("devices", MapLayers.Devices),
    ];

    /// <summary>The API name of one layer.</summary>
    public static string Name(MapLayers layer) =>
        Array.Find(Names, n => n.Layer == layer).Name ?? throw new ArgumentOutOfRangeException(nameof(layer), layer, "Not a single layer.");

    /// <summary>Parses a comma-separated list; empty means every layer. Reports the first unknown name.</summary>
    public static bool TryParse(string? text, out MapLayers layers, out string? unknown)
    {
        layers = MapLayers.None;
        unknown = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            layers = MapLayers.All;
            return true;
        }

        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var match = Array.FindIndex(Names, n => string.Equals(n.Name, part, StringComparison.OrdinalIgnoreCase));
            if (match < 0)
            {
                unknown = part;
                return false;
            }

            layers |= Names[match].Layer;
        }

        return layers != MapLayers.None;
    }
}
