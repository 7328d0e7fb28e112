namespace Flux.OpsCenter.Web.Api;

/// <summary>One station and its hourly series, aligned with the response's <c>times</c> (null where the station did not report).</summary>
public sealed record WeatherStationSeries(
    string Id,
    string Name,
    double Latitude,
    double Longitude,
    IReadOnlyList<double?> TemperatureF,
    IReadOnlyList<double?> HumidityPct,
    IReadOnlyList<double?> WindSpeedMph,
    IReadOnlyList<double?> WindGustMph,
    IReadOnlyList<double?> PrecipitationIn,
    IReadOnlyList<string?> Condition);
