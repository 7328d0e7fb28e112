namespace Flux.OpsCenter.Data.Grid;

/// <summary>The first and latest observation hours held, and how many distinct hours lie between them.</summary>
public sealed record WeatherHourRange(DateTimeOffset First, DateTimeOffset Latest, long Hours);
