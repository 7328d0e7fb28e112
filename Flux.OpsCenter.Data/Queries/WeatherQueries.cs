using Flux.OpsCenter.Data.Grid;

namespace Flux.OpsCenter.Data.Queries;

/// <summary>Reads the stations' hourly observations (HOUSTON_WEATHER_HOURLY), one method per query file.</summary>
public sealed class WeatherQueries(ISqlSource source)
{
    /// <summary>The most observations one read returns: 10 stations × 14 days is 3,360; the bound leaves room for more stations.</summary>
    public const int MaxObservations = 100_000;

    public Task<IReadOnlyList<WeatherObservation>> GetWeatherObservationsAsync(CancellationToken cancellationToken) =>
        source.QueryAsync(QueryCatalog.Request("GetWeatherObservations", MaxObservations), Observation, cancellationToken);

    public Task<IReadOnlyList<WeatherObservation>> GetWeatherHourAsync(DateTimeOffset hour, CancellationToken cancellationToken) =>
        source.QueryAsync(QueryCatalog.Request("GetWeatherHour", hour.UtcDateTime), Observation, cancellationToken);

    /// <summary>The hours held; null when the table is empty.</summary>
    public async Task<WeatherHourRange?> GetWeatherHourRangeAsync(CancellationToken cancellationToken)
    {
        var rows = await source.QueryAsync(QueryCatalog.Request("GetWeatherHourRange"), r => r.IsNull("FIRST_HOUR")
            ? null
            : new WeatherHourRange(r.GetTimestamp("FIRST_HOUR"), r.GetTimestamp("LATEST_HOUR"), r.GetInt64("HOURS")), cancellationToken);
        return rows.SingleOrDefault();
    }

    private static WeatherObservation Observation(ISqlRow r) => new(
        r.GetString("STATION_ID"),
        r.GetString("STATION_NAME"),
        r.GetDouble("LATITUDE"),
        r.GetDouble("LONGITUDE"),
        r.GetTimestamp("OBSERVATION_TIME"),
        r.GetDouble("TEMPERATURE_F"),
        r.GetDouble("HUMIDITY_PCT"),
        r.GetDouble("WIND_SPEED_MPH"),
        r.GetDouble("WIND_GUST_MPH"),
        r.GetDouble("PRECIPITATION_IN"),
        r.GetString("WEATHER_CONDITION"));
}
