using Flux.OpsCenter.Data.Analysis.Weather;
using Flux.OpsCenter.Data.Grid;

namespace Flux.OpsCenter.Tests.Data.Analysis.Weather;

public sealed class WeatherFieldTests
{
    private static readonly WeatherObservation[] Stations =
    [
        Station("KIAH", 29.9844, -95.3414, 61.0),
        Station("KHOU", 29.6454, -95.2789, 66.5),
        Station("KSGR", 29.6223, -95.6565, 64.2),
        Station("KGLS", 29.2653, -94.8604, 70.3),
    ];

    [Fact]
    public void The_field_equals_each_station_value_at_the_station()
    {
        var field = new WeatherField(Stations);

        Assert.All(Stations, s => Assert.Equal(s.TemperatureF, field.At(s.Latitude, s.Longitude, o => o.TemperatureF)));
    }

    [Fact]
    public void Between_stations_the_field_is_the_inverse_square_distance_weighting_of_them()
    {
        var field = new WeatherField(Stations);
        const double Latitude = 29.76, Longitude = -95.37;

        // Independently: kilometres on a plane at the stations' mean latitude, weights 1/d².
        var kmPerLon = 111.320 * Math.Cos(Stations.Average(s => s.Latitude) * Math.PI / 180);
        var weights = Stations.Select(s =>
        {
            var dx = (Longitude - s.Longitude) * kmPerLon;
            var dy = (Latitude - s.Latitude) * 110.574;
            return 1 / ((dx * dx) + (dy * dy));
        }).ToArray();
        var expected = Stations.Select((s, i) => weights[i] * s.TemperatureF).Sum() / weights.Sum();

        Assert.Equal(expected, field.At(Latitude, Longitude, o => o.TemperatureF), 9);
    }

    [Fact]
    public void Every_cell_lies_within_the_range_of_the_stations()
    {
        var values = new WeatherField(Stations).Sample(WeatherField.TerritoryGrid, o => o.TemperatureF);

        Assert.Equal(WeatherField.TerritoryGrid.Columns * WeatherField.TerritoryGrid.Rows, values.Length);
        Assert.All(values, v => Assert.InRange(v, 61.0, 70.3));
        Assert.True(values.Distinct().Count() > 40, "The field is flat.");
    }

    private static WeatherObservation Station(string id, double latitude, double longitude, double temperatureF) =>
        new(id, id, latitude, longitude, new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero), temperatureF, 70, 8, 11, 0, "CLEAR");
}
