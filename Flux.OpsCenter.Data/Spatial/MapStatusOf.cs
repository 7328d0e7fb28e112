namespace Flux.OpsCenter.Data.Spatial;

/// <summary>Turns the views' status words and health scores into the map's status.</summary>
public static class MapStatusOf
{
    /// <summary>Assets scoring below this health are drawn as unhealthy when nothing worse applies.</summary>
    public const double UnhealthyBelow = 55;

    public static MapStatus Circuit(string status) => status switch
    {
        "OUTAGE" => MapStatus.Outage,
        "PARTIAL" => MapStatus.Partial,
        "OVERLOADED" => MapStatus.Overloaded,
        "OPEN" => MapStatus.Open,
        _ => MapStatus.Energized,
    };

    public static MapStatus Asset(string status, double? healthScore)
    {
        var state = Circuit(status);
        return state == MapStatus.Energized && healthScore < UnhealthyBelow ? MapStatus.Unhealthy : state;
    }
}
