using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Spatial;

namespace Flux.OpsCenter.Web.Api;

/// <summary>
/// Bulk map data for the GridMap component and external clients: <c>/api/map/features</c> (viewport) and
/// <c>/api/map/search</c> (find an asset). Bad input gets a 400 with problem details, never a 500.
/// </summary>
public static class MapEndpoints
{
    /// <summary>The highest zoom the map API answers.</summary>
    public const int MaxZoom = 22;

    public static IEndpointRouteBuilder MapMapApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var map = endpoints.MapGroup("/api/map");
        map.MapGet("/features", GetFeaturesAsync);
        map.MapGet("/search", SearchAsync);
        return endpoints;
    }

    /// <summary>Parses <c>minLon,minLat,maxLon,maxLat</c> in invariant culture; null with a reason when it is not a valid box.</summary>
    public static GeoBox? ParseBox(string? text, out string? error)
    {
        error = null;
        var parts = (text ?? "").Split(',');
        var values = new double[4];
        if (parts.Length != 4 || !parts.Select((p, i) => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) && double.IsFinite(values[i])).All(ok => ok))
        {
            error = "bbox must be four numbers: minLon,minLat,maxLon,maxLat.";
            return null;
        }

        var box = new GeoBox(values[0], values[1], values[2], values[3]);
        if (!box.IsValid || box.MinLon >= box.MaxLon || box.MinLat >= box.MaxLat)
        {
            error = "bbox corners must be ordered (min < max) within longitude -180..180 and latitude -90..90.";
            return null;
        }

        return box;
    }

    private static async Task<IResult> GetFeaturesAsync(string? bbox, string? zoom, string? layers, GridSpatialIndexProvider provider, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var box = ParseBox(bbox, out var boxError);
        if (boxError is not null)
        {
            errors["bbox"] = [boxError];
        }

        if (!int.TryParse(zoom, NumberStyles.None, CultureInfo.InvariantCulture, out var level) || level > MaxZoom)
        {
            errors["zoom"] = [$"zoom must be a whole number from 0 to {MaxZoom}."];
        }

        if (!MapLayerNames.TryParse(layers, out var chosen, out var unknown))
        {
            errors["layers"] = [$"Unknown layer '{unknown}'; use a comma-separated subset of substations,feeders,transformers,poles,meters,devices."];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "Invalid map request");
        }

        var index = await provider.GetAsync(cancellationToken);
        return new FeaturesResult(index, box!.Value, level, chosen);
    }

    private static async Task<IResult> SearchAsync(string? q, int? limit, GridMapSearch search, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Trim().Length > GridMapSearch.MaxQueryLength)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["q"] = [$"q must be 1 to {GridMapSearch.MaxQueryLength} characters: an asset or customer id, or its start."] },
                title: "Invalid search");
        }

        return Results.Ok(await search.SearchAsync(q, Math.Clamp(limit ?? 10, 1, 50), cancellationToken));
    }

    /// <summary>Queries the index and writes the compact JSON straight into the response, with the time it took.</summary>
    private sealed class FeaturesResult(GridSpatialIndex index, GeoBox box, int zoom, MapLayers layers) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var started = Stopwatch.GetTimestamp();
            var result = index.Query(box, zoom, layers);
            var response = httpContext.Response;
            response.ContentType = "application/json";
            await using (var writer = new Utf8JsonWriter(response.BodyWriter))
            {
                response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"index;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.00}");
                result.WriteJson(writer);
            }

            await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
        }
    }
}
