using System.Text.Json.Serialization;

namespace Flux.OpsCenter.Data.Analysis.Graph;

/// <summary>The level of a node in the grid hierarchy, from the transmission-fed substation down to the meter.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GridNodeType>))]
public enum GridNodeType
{
    Substation = 0,
    Feeder = 1,
    Transformer = 2,
    Pole = 3,
    Meter = 4,
}
