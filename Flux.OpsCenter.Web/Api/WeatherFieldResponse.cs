using Flux.OpsCenter.Data.Analysis.Weather;

namespace Flux.OpsCenter.Web.Api;

/// <summary>
/// One hour's field: the grid (bounds, columns, rows), the temperature and wind speed at every cell centre row by row from the
/// south-west, interpolated from <see cref="Stations"/> by inverse-distance weighting, and the range each spans.
/// </summary>
public sealed record WeatherFieldResponse(
    DateTimeOffset Time,
    WeatherGrid Grid,
    string Method,
    IReadOnlyList<double> TemperatureF,
    IReadOnlyList<double> WindSpeedMph,
    double MinTemperatureF,
    double MaxTemperatureF,
    double MaxWindSpeedMph,
    IReadOnlyList<WeatherStationReading> Stations);
