using System.Globalization;
using Flux.OpsCenter.Data.Analysis.Weather;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.OpsCenter.Web.Api;

/// <summary>
/// <c>GET /api/weather/stations</c> (every station's hourly series) and <c>GET /api/weather/field?time=</c> (one hour's
/// temperature and wind interpolated from the stations onto the territory grid). A time that is not an ISO 8601 instant, or
/// falls outside the hours held, is a 400 with problem details.
/// </summary>
public static class WeatherEndpoints
{
    public static IEndpointRouteBuilder MapWeatherApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var weather = endpoints.MapGroup("/api/weather").WithTags("Weather");
        weather.MapGet("/stations", GetStationsAsync)
            .WithName("GetWeatherStations")
            .WithSummary("Every weather station of the territory with its hourly series over the hours held (times in UTC).");
        weather.MapGet("/field", GetFieldAsync)
            .WithName("GetWeatherField")
            .WithSummary("Temperature and wind of one hour (time=ISO 8601, within the hours held; the latest when absent), interpolated from the stations by inverse-distance weighting.");
        return endpoints;
    }

    /// <summary>Parses an ISO 8601 instant (UTC when it names no offset) and takes its hour; null when it is not one.</summary>
    public static DateTimeOffset? ParseHour(string text)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return null;
        }

        return new DateTimeOffset(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
    }

    private static async Task<Ok<WeatherStationsResponse>> GetStationsAsync(WeatherQueries queries, CancellationToken cancellationToken)
    {
        var observations = await queries.GetWeatherObservationsAsync(cancellationToken);
        var times = observations.Select(o => o.ObservationTime).Distinct().Order().ToList();
        var slot = times.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i);
        var stations = observations.GroupBy(o => o.StationId).Select(g =>
        {
            var series = new WeatherObservation?[times.Count];
            foreach (var o in g)
            {
                series[slot[o.ObservationTime]] = o;
            }

            var first = g.First();
            return new WeatherStationSeries(first.StationId, first.StationName, first.Latitude, first.Longitude,
                [.. series.Select(o => o?.TemperatureF)], [.. series.Select(o => o?.HumidityPct)], [.. series.Select(o => o?.WindSpeedMph)],
                [.. series.Select(o => o?.WindGustMph)], [.. series.Select(o => o?.PrecipitationIn)], [.. series.Select(o => o?.Condition)]);
        }).ToList();
        return TypedResults.Ok(new WeatherStationsResponse(times, stations));
    }

    private static async Task<Results<Ok<WeatherFieldResponse>, ValidationProblem, ProblemHttpResult>> GetFieldAsync(
        string? time, WeatherQueries queries, CancellationToken cancellationToken)
    {
        var range = await queries.GetWeatherHourRangeAsync(cancellationToken);
        if (range is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No weather", detail: "No station has reported yet.");
        }

        var hour = time is null ? range.Latest : ParseHour(time);
        var rangeText = $"between {range.First:yyyy-MM-ddTHH:mm:ssZ} and {range.Latest:yyyy-MM-ddTHH:mm:ssZ}";
        if (hour is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["time"] = [$"time must be an ISO 8601 instant, e.g. {range.Latest:yyyy-MM-ddTHH:mm:ssZ}, {rangeText}."] },
                title: "Invalid weather time");
        }

        var stations = hour < range.First || hour > range.Latest ? [] : await queries.GetWeatherHourAsync(hour.Value, cancellationToken);
        if (stations.Count == 0)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["time"] = [$"No observations at {hour:yyyy-MM-ddTHH:mm:ssZ}; time must be an hour {rangeText}."] },
                title: "Weather time out of range");
        }

        var field = new WeatherField(stations);
        var grid = WeatherField.TerritoryGrid;
        var temperature = field.Sample(grid, s => s.TemperatureF);
        var wind = field.Sample(grid, s => s.WindSpeedMph);
        return TypedResults.Ok(new WeatherFieldResponse(
            hour.Value, grid, "inverse-distance weighting, power 2", temperature, wind,
            stations.Min(s => s.TemperatureF), stations.Max(s => s.TemperatureF), stations.Max(s => s.WindSpeedMph),
            [.. stations.Select(s => new WeatherStationReading(s.StationId, s.StationName, s.Latitude, s.Longitude, s.TemperatureF, s.HumidityPct,
                s.WindSpeedMph, s.WindGustMph, s.PrecipitationIn, s.Condition))]));
    }
}
