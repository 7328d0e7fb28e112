using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Spatial;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.OpsCenter.Web.Api;

/// <summary>
/// Bulk map data for the GridMap component and external clients: <c>/api/map/features</c> (viewport) and
/// <c>/api/map/search</c> (find an asset). Bad input gets a 400 with problem details, never a 500.
/// </summary>
public static class MapEndpoints
{
    /// <summary>The highest zoom the map API answers.</summary>
    public const int MaxZoom = 22;

    /// <summary>The most bytes one viewport answer carries (DESIGN.md §9); past it the answer says <c>truncated</c>.</summary>
    public const int MaxResponseBytes = 200_000;

    /// <summary>Most search hits one request returns.</summary>
    public const int MaxSearchHits = 50;

    public static IEndpointRouteBuilder MapMapApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var map = endpoints.MapGroup("/api/map").WithTags("Map");
        map.MapGet("/features", GetFeaturesAsync)
            .WithName("GetMapFeatures")
            .WithSummary($"Features of the chosen layers in a viewport: bbox=minLon,minLat,maxLon,maxLat, zoom 0 to {MaxZoom}, layers a subset of substations,feeders,transformers,poles,meters; at most {MaxResponseBytes / 1000} KB, else truncated.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesValidationProblem();
        map.MapGet("/search", SearchAsync)
            .WithName("SearchMap").WithSummary($"Assets or customers whose id equals or starts with q; limit 1 to {MaxSearchHits}, default 10.");
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

    private static async Task<Results<FeaturesResult, ValidationProblem>> GetFeaturesAsync(string? bbox, string? zoom, string? layers, GridSpatialIndexProvider provider, CancellationToken cancellationToken)
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
            return TypedResults.ValidationProblem(errors, title: "Invalid map request");
        }

        var index = await provider.GetAsync(cancellationToken);
        return new FeaturesResult(index, box!.Value, level, chosen);
    }

    private static async Task<Results<Ok<IReadOnlyList<MapSearchHit>>, ValidationProblem>> SearchAsync(
        string? q, [AsParameters] LimitQuery query, GridMapSearch search, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Trim().Length > GridMapSearch.MaxQueryLength)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["q"] = [$"q must be 1 to {GridMapSearch.MaxQueryLength} characters: an asset or customer id, or its start."] },
                title: "Invalid search");
        }

        if (!query.TryResolve(10, MaxSearchHits, out var limit, out var problem))
        {
            return problem;
        }

        return TypedResults.Ok(await search.SearchAsync(q, limit, cancellationToken));
    }

    /// <summary>
    /// The viewport's compact JSON within <see cref="MaxResponseBytes"/>: a query past the budget is asked again for fewer
    /// features until it fits (the answer then says <c>truncated</c>), then written with the time it took.
    /// </summary>
    public static byte[] WriteWithinBudget(GridSpatialIndex index, GeoBox box, int zoom, MapLayers layers, int maxBytes = MaxResponseBytes)
    {
        ArgumentNullException.ThrowIfNull(index);
        var cap = GridSpatialIndex.DefaultMaxFeatures;
        var cut = false;
        while (true)
        {
            var queried = index.Query(box, zoom, layers, cap);
            var result = cut ? queried.AsTruncated() : queried;
            var buffer = new ArrayBufferWriter<byte>(64 * 1024);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                result.WriteJson(writer);
            }

            if (buffer.WrittenCount <= maxBytes || result.FeatureCount == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            // Bytes per feature vary with the layers and the zoom; aim below the budget by what this answer spent per feature.
            var fitting = (int)(result.FeatureCount * 0.9 * maxBytes / buffer.WrittenCount);
            cap = Math.Max(0, Math.Min(fitting, result.FeatureCount - 1));
            cut = true;
        }
    }

    /// <summary>Queries the index and writes the compact JSON into the response, with the time it took.</summary>
    public sealed class FeaturesResult(GridSpatialIndex index, GeoBox box, int zoom, MapLayers layers) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var started = Stopwatch.GetTimestamp();
            var json = WriteWithinBudget(index, box, zoom, layers);
            var response = httpContext.Response;
            response.ContentType = "application/json";
            response.ContentLength = json.Length;
            response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"index;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.00}");
            await response.Body.WriteAsync(json, httpContext.RequestAborted);
        }
    }
}
