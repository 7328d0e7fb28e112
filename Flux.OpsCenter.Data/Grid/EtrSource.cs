using System.Text.Json.Serialization;

namespace Flux.OpsCenter.Data.Grid;

/// <summary>Who set an outage's estimated time of restoration.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EtrSource>))]
public enum EtrSource
{
    /// <summary>A calculated estimate (the fault model's repair time, a storm restoration forecast).</summary>
    Estimate,

    /// <summary>Entered from the field by the crew: an estimate never overwrites it.</summary>
    Crew,
}
