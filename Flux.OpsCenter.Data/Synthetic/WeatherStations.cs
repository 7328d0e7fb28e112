namespace Flux.OpsCenter.Data.Synthetic;

/// <summary>
/// The Houston area's airport (ASOS/AWOS) weather stations, with their ICAO ids and published coordinates: the
/// generator writes one hourly observation per station, and every temperature the load model uses is a station's.
/// </summary>
internal static class WeatherStations
{
    /// <summary>One observing station.</summary>
    internal sealed record Site(string Id, string Name, double Latitude, double Longitude);

    public static readonly IReadOnlyList<Site> All =
    [
        new("KIAH", "George Bush Intercontinental", 29.9844, -95.3414),
        new("KHOU", "William P. Hobby", 29.6454, -95.2789),
        new("KEFD", "Ellington Field", 29.6073, -95.1588),
        new("KDWH", "David Wayne Hooks Memorial", 30.0618, -95.5528),
        new("KSGR", "Sugar Land Regional", 29.6223, -95.6565),
        new("KIWS", "West Houston", 29.8182, -95.6726),
        new("KTME", "Houston Executive", 29.8063, -95.8979),
        new("KLVJ", "Pearland Regional", 29.5213, -95.2424),
        new("KHPY", "Baytown", 29.7861, -94.9527),
        new("KGLS", "Scholes International at Galveston", 29.2653, -94.8604),
    ];

    /// <summary>The station nearest a point: the one whose observations stand for the weather there.</summary>
    public static Site Nearest(double latitude, double longitude)
    {
        var best = All[0];
        var bestDistance = double.MaxValue;
        foreach (var site in All)
        {
            var distance = HoustonGeography.DistanceKm(latitude, longitude, site.Latitude, site.Longitude);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = site;
            }
        }

        return best;
    }
}
