using Flux.OpsCenter.Data;
using Flux.OpsCenter.Web.Components.Map.Basemap;

namespace Flux.OpsCenter.Web.Api;

/// <summary><c>GET /api/map/basemap</c>: the built-in basemap as GeoJSON, from the app's own origin (no egress, CSP 'self').</summary>
public static class BasemapEndpoints
{
    public static IEndpointRouteBuilder MapBasemapApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/map/basemap", GetBasemapAsync)
            .WithName("GetBasemap")
            .WithSummary("Land and county boundaries around the territory (GeoJSON), drawn under the grid when tiles are off or fail.");
        return endpoints;
    }

    private static async Task<IResult> GetBasemapAsync(BuiltInBasemap basemap, HttpResponse response, CancellationToken cancellationToken)
    {
        try
        {
            var geoJson = await basemap.GetGeoJsonAsync(cancellationToken);
            // The same bytes for the life of the process: let the browser keep them across pages.
            response.Headers.CacheControl = "private, max-age=3600";
            return TypedResults.Bytes(geoJson, "application/geo+json");
        }
        catch (FileNotFoundException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Built-in basemap missing",
                detail: "The build did not copy us-atlas's counties-10m.json next to the app; run the build with npm available.");
        }
        catch (FluxDataException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Territory not available",
                detail: $"{ex.Source} source {ex.Kind}: the basemap is cut to the territory, which could not be read.");
        }
    }
}
