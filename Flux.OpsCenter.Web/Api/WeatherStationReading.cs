namespace Flux.OpsCenter.Web.Api;

/// <summary>What one station observed in the field's hour.</summary>
public sealed record WeatherStationReading(
    string Id, string Name, double Latitude, double Longitude, double TemperatureF, double HumidityPct, double WindSpeedMph, double WindGustMph,
    double PrecipitationIn, string Condition);
