namespace Flux.OpsCenter.Data.Spatial;

/// <summary>The state a map feature is coloured by; the numeric values are what the map API sends.</summary>
public enum MapStatus : byte
{
    Energized = 0,
    Partial = 1,
    Outage = 2,
    Overloaded = 3,
    Unhealthy = 4,

    /// <summary>A switching device that is open now (a normally-open tie, or one tripped or opened by an operator).</summary>
    Open = 5,
}
