using System.Text.Json.Serialization;

namespace Flux.OpsCenter.Data.Analysis.Reliability;

/// <summary>The part of the grid a set of reliability indices covers.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReliabilityScopeKind>))]
public enum ReliabilityScopeKind
{
    /// <summary>The whole service territory.</summary>
    System,

    /// <summary>The substations of one region (SUBSTATIONS.REGION).</summary>
    Region,

    /// <summary>One substation and its feeders.</summary>
    Substation,

    /// <summary>One feeder (circuit).</summary>
    Feeder,
}
