using System.Text.Json.Serialization;

namespace Flux.OpsCenter.Data.Grid;

/// <summary>Where an outage stands in its lifecycle, from first evidence to a verified restoration.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OutageStage>))]
public enum OutageStage
{
    /// <summary>Inferred from AMI last-gasps and trouble calls at a device nobody has seen open yet.</summary>
    Predicted,

    /// <summary>Seen open: a SCADA lockout, or an operator who confirmed the prediction.</summary>
    Confirmed,

    /// <summary>A crew is assigned and on its way or on site.</summary>
    Dispatched,

    /// <summary>Some sections are back; the rest are still out.</summary>
    PartiallyRestored,

    /// <summary>Every customer is back; the device is closed.</summary>
    Restored,

    /// <summary>An operator checked that every meter is back (AMI pings, no callbacks) and closed the record.</summary>
    Verified,
}
