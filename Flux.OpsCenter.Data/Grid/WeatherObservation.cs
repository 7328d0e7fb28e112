namespace Flux.OpsCenter.Data.Grid;

/// <summary>One station's hourly observation from HOUSTON_WEATHER_HOURLY.</summary>
public sealed record WeatherObservation(
    string StationId,
    string StationName,
    double Latitude,
    double Longitude,
    DateTimeOffset ObservationTime,
    double TemperatureF,
    double HumidityPct,
    double WindSpeedMph,
    double WindGustMph,
    double PrecipitationIn,
    string Condition);
