using System.Diagnostics;
using System.Text;
using Flux.OpsCenter.Data.Analysis.Vegetation;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Export;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.OpsCenter.Web.Api;

/// <summary>
/// The vegetation layer and work list from VEGETATION_RISK_COMPUTED: <c>/api/vegetation/trees?bbox=&amp;bands=</c> (a viewport,
/// highest risk first), <c>/api/vegetation/trees/{id}</c> (a tree, its line and the assets within 100 m),
/// <c>/api/vegetation/near?lat=&amp;lon=</c> (trees within 100 m of a point) and <c>/api/export/vegetation/work-list.csv</c>.
/// </summary>
public static class VegetationEndpoints
{
    /// <summary>The most trees one viewport answer carries (about 120 KB); past it the riskiest are sent and the answer says truncated.</summary>
    public const int MaxTrees = 3_000;

    /// <summary>How far from a tree or an asset the layer looks (the original system's 100 m search ring).</summary>
    public const double SearchRadiusM = 100;

    public static IEndpointRouteBuilder MapVegetationApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var vegetation = endpoints.MapGroup("/api/vegetation").WithTags("Vegetation");
        vegetation.MapGet("/trees", GetTreesAsync)
            .WithName("GetVegetationTrees")
            .WithSummary($"Trees in bbox=minLon,minLat,maxLon,maxLat of bands (any of high,medium,low; all by default), riskiest first, at most {MaxTrees}, with counts by band.");
        vegetation.MapGet("/trees/{id}", GetTreeAsync)
            .WithName("GetVegetationTree")
            .WithSummary("A tree's scores, the line section it threatens and the assets within 100 m.");
        vegetation.MapGet("/near", GetNearAsync)
            .WithName("GetVegetationNear")
            .WithSummary("Trees within 100 m of lat,lon, riskiest first (at most 50).");
        endpoints.MapGet("/api/export/vegetation/work-list.csv", async (VegetationQueries queries, CancellationToken cancellationToken) =>
            {
                var rows = await queries.GetVegetationWorkListAsync(GridQueries.MaxRows, cancellationToken);
                return TypedResults.Stream(async body =>
                {
                    await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024);
                    await CsvWriter.WriteAsync(writer, CsvWriter.FromListAsync(Task.FromResult(rows)), VegetationWorkListColumns.Columns, CancellationToken.None);
                }, "text/csv; charset=utf-8", "vegetation-work-list.csv");
            })
            .WithTags("Export").WithName("ExportVegetationWorkList").WithSummary("The trimming work list (feeders by vegetation risk) as CSV.");
        return endpoints;
    }

    private static async Task<Results<Ok<VegetationViewportResponse>, ValidationProblem>> GetTreesAsync(
        string? bbox, string? bands, VegetationIndexProvider provider, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var box = MapEndpoints.ParseBox(bbox, out var boxError);
        if (boxError is not null)
        {
            errors["bbox"] = [boxError];
        }

        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var band in (bands ?? "high,medium,low").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var upper = band.ToUpperInvariant();
            if (!VegetationIndex.Bands.Contains(upper))
            {
                errors["bands"] = [$"Unknown band '{band}'; use a comma-separated subset of high,medium,low."];
                break;
            }

            chosen.Add(upper);
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid vegetation request");
        }

        var index = await provider.GetAsync(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var view = index.Query(box!.Value, chosen, MaxTrees);
        var trees = view.Trees;
        response.Headers["Server-Timing"] = $"query;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:F2}";
        return TypedResults.Ok(new VegetationViewportResponse(
            view.Counts, view.Counts.Values.Sum(), view.Truncated,
            [.. trees.Select(t => t.TreeId)], [.. trees.Select(t => Math.Round(t.Latitude, 6))], [.. trees.Select(t => Math.Round(t.Longitude, 6))],
            [.. trees.Select(t => t.RiskBand switch { "HIGH" => 0, "MEDIUM" => 1, _ => 2 })], [.. trees.Select(t => t.RiskScore)]));
    }

    private static async Task<Results<Ok<VegetationTreeResponse>, ProblemHttpResult>> GetTreeAsync(
        string id, VegetationIndexProvider provider, VegetationQueries queries, CancellationToken cancellationToken)
    {
        var index = await provider.GetAsync(cancellationToken);
        if (id.Length > 64 || index.Find(id) is not { } tree)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown tree", detail: $"No tree has the id '{id.Trim()}'.");
        }

        var line = await queries.GetLineSectionAsync(tree.SegmentId, cancellationToken);
        var around = Around(tree.Latitude, tree.Longitude, SearchRadiusM);
        var assets = (await queries.GetAssetsNearPointAsync(around, cancellationToken))
            .Select(a => (Asset: a, Distance: VegetationIndex.DistanceMetres(tree.Latitude, tree.Longitude, a.Latitude, a.Longitude)))
            .Where(a => a.Distance <= SearchRadiusM)
            .OrderBy(a => a.Distance)
            .Select(a => new VegetationNearbyAsset(a.Asset.AssetId, a.Asset.AssetType, a.Asset.CircuitId, a.Asset.Latitude, a.Asset.Longitude,
                Math.Round(a.Distance, 1), a.Distance <= tree.FallZoneM))
            .ToList();
        return TypedResults.Ok(new VegetationTreeResponse(tree, line, assets));
    }

    private static async Task<Results<Ok<IReadOnlyList<VegetationNearTree>>, ValidationProblem>> GetNearAsync(
        double? lat, double? lon, VegetationIndexProvider provider, CancellationToken cancellationToken)
    {
        if (lat is not { } latitude || lon is not { } longitude || !double.IsFinite(latitude) || !double.IsFinite(longitude)
            || Math.Abs(latitude) > 90 || Math.Abs(longitude) > 180)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["lat"] = ["lat and lon must be a point: latitude -90..90, longitude -180..180."] },
                title: "Invalid vegetation request");
        }

        var index = await provider.GetAsync(cancellationToken);
        IReadOnlyList<VegetationNearTree> near = [.. index.Near(latitude, longitude, SearchRadiusM, 50)
            .Select(n => new VegetationNearTree(n.Tree.TreeId, n.Tree.Species, n.Tree.RiskBand, n.Tree.RiskLevel, n.Tree.RiskScore, Math.Round(n.DistanceM, 1),
                n.DistanceM <= n.Tree.FallZoneM))];
        return TypedResults.Ok(near);
    }

    private static GeoBox Around(double latitude, double longitude, double metres)
    {
        var dLat = metres / 110_574;
        var dLon = metres / (111_320 * Math.Cos(latitude * Math.PI / 180));
        return new GeoBox(longitude - dLon, latitude - dLat, longitude + dLon, latitude + dLat);
    }
}
