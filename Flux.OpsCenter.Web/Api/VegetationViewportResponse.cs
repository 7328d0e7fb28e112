namespace Flux.OpsCenter.Web.Api;

/// <summary>
/// Trees of a viewport in columns (id, latitude, longitude, band 0 high / 1 medium / 2 low, score), highest risk first;
/// counts by band cover every tree in the box whatever the filter; truncated when more matched than were sent.
/// </summary>
public sealed record VegetationViewportResponse(
    IReadOnlyDictionary<string, int> Counts, int Total, bool Truncated,
    IReadOnlyList<string> Id, IReadOnlyList<double> Lat, IReadOnlyList<double> Lon, IReadOnlyList<int> Band, IReadOnlyList<double> Score);
