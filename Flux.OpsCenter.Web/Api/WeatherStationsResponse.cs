namespace Flux.OpsCenter.Web.Api;

/// <summary>Every hour held (UTC, ascending) and each station's series over them.</summary>
public sealed record WeatherStationsResponse(IReadOnlyList<DateTimeOffset> Times, IReadOnlyList<WeatherStationSeries> Stations);
