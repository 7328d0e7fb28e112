using Flux.OpsCenter.Data.Synthetic;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Data.Synthetic;

public sealed class WeatherBuilderTests
{
    [Fact]
    public void Every_station_reports_every_hour_of_the_telemetry_window()
    {
        var gaps = ViewQueries.Long(TestTerritory.TemplatePath, """
            SELECT COUNT(*) FROM (
                SELECT STATION_ID, COUNT(*) AS HOURS, MAX(OBSERVATION_TIME) - MIN(OBSERVATION_TIME) AS SPAN
                FROM PRODUCTION.HOUSTON_WEATHER_HOURLY GROUP BY STATION_ID)
            WHERE HOURS <> 336 OR SPAN <> INTERVAL '335 hours'
            """);
        var stations = ViewQueries.Long(TestTerritory.TemplatePath, "SELECT COUNT(DISTINCT STATION_ID) FROM PRODUCTION.HOUSTON_WEATHER_HOURLY");

        Assert.Equal(WeatherStations.All.Count, stations);
        Assert.Equal(0, gaps);
    }

    [Fact]
    public void Station_series_are_continuous_and_within_physical_bounds()
    {
        var observations = WeatherBuilder.Build(new DateTime(2026, 1, 20, 0, 0, 0, DateTimeKind.Utc), 24 * 60, new Random(7))
            .Concat(WeatherBuilder.Build(new DateTime(2026, 7, 20, 0, 0, 0, DateTimeKind.Utc), 24 * 60, new Random(8)))
            .ToList();

        foreach (var series in observations.GroupBy(o => (o.Station.Id, o.Time.Month < 6)))
        {
            var ordered = series.OrderBy(o => o.Time).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.Equal(TimeSpan.FromHours(1), ordered[i].Time - ordered[i - 1].Time);
                // A front or a storm's outflow can move Houston's temperature ~10 °F in an hour; more is not weather.
                Assert.True(Math.Abs(ordered[i].TemperatureF - ordered[i - 1].TemperatureF) <= 10,
                    $"{series.Key.Id} jumps {ordered[i - 1].TemperatureF} -> {ordered[i].TemperatureF} °F at {ordered[i].Time:O}");
            }
        }

        // Houston's records: 5 °F (1989) to 109 °F (2011); humidity a percentage; winds below hurricane force outside one.
        Assert.All(observations, o =>
        {
            Assert.InRange(o.TemperatureF, 5, 109);
            Assert.InRange(o.HumidityPct, 0, 100);
            Assert.InRange(o.WindMph, 0, 74);
            Assert.True(o.GustMph >= o.WindMph);
            Assert.InRange(o.PrecipitationIn, 0, 4);
        });
        Assert.Contains(observations, o => o.PrecipitationIn > 0);
    }

    [Fact]
    public void Neighbouring_stations_agree_more_than_distant_ones()
    {
        var observations = WeatherBuilder.Build(new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc), 24 * 30, new Random(3));
        double MeanDifference(string a, string b) => observations.Where(o => o.Station.Id == a)
            .Zip(observations.Where(o => o.Station.Id == b), (x, y) => Math.Abs(x.TemperatureF - y.TemperatureF)).Average();

        // Hobby and Ellington are 12 km apart; Hooks and Galveston 100 km, inland against the coast.
        Assert.True(MeanDifference("KHOU", "KEFD") < MeanDifference("KDWH", "KGLS"));
        Assert.True(MeanDifference("KHOU", "KEFD") < 3);
    }

    [Fact]
    public void Every_transformer_load_hour_follows_its_nearest_station()
    {
        // The hot spot is the ambient plus a rise from loading (GenerateTransformerLoad): taking the rise away leaves the
        // ambient the load model used, which must be the nearest station's, not one temperature for the whole territory.
        // Hours an outage cut short keep their first hot spot, so a few hundredths are allowed to differ.
        const string Query = """
            WITH nearest AS (
                SELECT t.TRANSFORMER_ID, arg_min(s.STATION_ID,
                       (s.LATITUDE - t.LATITUDE) * (s.LATITUDE - t.LATITUDE) + (s.LONGITUDE - t.LONGITUDE) * (s.LONGITUDE - t.LONGITUDE) * 0.7524) AS STATION_ID
                FROM PRODUCTION.TRANSFORMER_METADATA t
                CROSS JOIN (SELECT DISTINCT STATION_ID, LATITUDE, LONGITUDE FROM PRODUCTION.HOUSTON_WEATHER_HOURLY) s
                GROUP BY t.TRANSFORMER_ID
            )
            SELECT COUNT(*) FILTER (WHERE ABS(l.TEMPERATURE_C - 15 - 50 * (l.LOAD_FACTOR_PCT / 100.0) * (l.LOAD_FACTOR_PCT / 100.0) - w.TEMPERATURE_C) > 0.3) || '/' || COUNT(*)
            FROM PRODUCTION.TRANSFORMER_HOURLY_LOAD l
            JOIN nearest n ON n.TRANSFORMER_ID = l.TRANSFORMER_ID
            JOIN PRODUCTION.HOUSTON_WEATHER_HOURLY w ON w.OBSERVATION_TIME = l.LOAD_HOUR AND w.STATION_ID = n.STATION_ID
            """;
        var counts = ((string)ViewQueries.Scalar(TestTerritory.TemplatePath, Query)!).Split('/').Select(long.Parse).ToArray();

        Assert.True(counts[1] > 0);
        Assert.True(counts[0] * 50 < counts[1], $"{counts[0]} of {counts[1]} transformer-hours do not follow their nearest station.");
    }
}
