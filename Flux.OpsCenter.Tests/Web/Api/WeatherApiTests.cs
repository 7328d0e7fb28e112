using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flux.OpsCenter.Data.Analysis.Weather;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Web.Api;

public sealed class WeatherApiTests(OpsCenterAppFactory factory) : IClassFixture<OpsCenterAppFactory>
{
    [Fact]
    public async Task Stations_list_every_station_with_a_value_for_every_hour_held()
    {
        var stations = await GetAsync("/api/weather/stations", HttpStatusCode.OK);
        var hours = stations.GetProperty("times").GetArrayLength();

        Assert.Equal(10, stations.GetProperty("stations").GetArrayLength());
        Assert.True(hours >= 14 * 24, $"{hours} hours");
        Assert.All(stations.GetProperty("stations").EnumerateArray(), s =>
        {
            Assert.Equal(hours, s.GetProperty("temperatureF").GetArrayLength());
            Assert.All(s.GetProperty("temperatureF").EnumerateArray(), t => Assert.InRange(t.GetDouble(), 5, 109));
        });
    }

    [Fact]
    public async Task The_field_of_an_hour_carries_the_stations_observations_and_equals_them_at_the_stations()
    {
        var hour = (DateTime)ViewQueries.Scalar(factory.DatabasePath, "SELECT MIN(OBSERVATION_TIME) + INTERVAL '30 hours' FROM PRODUCTION.HOUSTON_WEATHER_HOURLY")!;
        var expected = ViewQueries.Double(factory.DatabasePath,
            $"SELECT TEMPERATURE_F FROM PRODUCTION.HOUSTON_WEATHER_HOURLY WHERE STATION_ID = 'KHOU' AND OBSERVATION_TIME = TIMESTAMP '{hour:yyyy-MM-dd HH:mm:ss}'");

        // Any instant inside the hour selects it.
        var field = await GetAsync($"/api/weather/field?time={hour.AddMinutes(25):yyyy-MM-ddTHH:mm:ss}Z", HttpStatusCode.OK);

        Assert.Equal(new DateTimeOffset(hour, TimeSpan.Zero), field.GetProperty("time").GetDateTimeOffset());
        var grid = WeatherField.TerritoryGrid;
        Assert.Equal(grid.Columns * grid.Rows, field.GetProperty("temperatureF").GetArrayLength());
        Assert.Equal(grid.Columns * grid.Rows, field.GetProperty("windSpeedMph").GetArrayLength());
        var hobby = field.GetProperty("stations").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "KHOU");
        Assert.Equal(expected, hobby.GetProperty("temperatureF").GetDouble());

        // The whole field lies within the stations' range: interpolation invents nothing.
        var min = field.GetProperty("minTemperatureF").GetDouble();
        var max = field.GetProperty("maxTemperatureF").GetDouble();
        Assert.All(field.GetProperty("temperatureF").EnumerateArray(), v => Assert.InRange(v.GetDouble(), min - 0.05, max + 0.05));
    }

    [Fact]
    public async Task The_field_without_a_time_is_the_latest_hour_and_stays_under_200_KB()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri("/api/weather/field", UriKind.Relative), TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var field = JsonDocument.Parse(bytes).RootElement;
        var latest = (DateTime)ViewQueries.Scalar(factory.DatabasePath, "SELECT MAX(OBSERVATION_TIME) FROM PRODUCTION.HOUSTON_WEATHER_HOURLY")!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(field.GetProperty("time").GetDateTimeOffset() >= new DateTimeOffset(latest.AddHours(-2), TimeSpan.Zero));
        Assert.True(bytes.Length < 200_000, $"{bytes.Length:N0} bytes");
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-13-40T99:00:00Z")]
    [InlineData("1999-01-01T00:00:00Z")]
    [InlineData("2099-01-01T00:00:00Z")]
    [InlineData("")]
    public async Task A_bad_or_out_of_range_time_is_a_400_problem(string time)
    {
        var problem = await GetAsync($"/api/weather/field?time={Uri.EscapeDataString(time)}", HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("time", out var errors));
        Assert.Contains("between", errors[0].GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> GetAsync(string path, HttpStatusCode expected)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }
}
