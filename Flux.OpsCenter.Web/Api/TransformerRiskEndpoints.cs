using System.Diagnostics;
using System.Text;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Export;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.OpsCenter.Web.Api;

/// <summary>
/// The transformer-risk layer and fleet list from V_TRANSFORMER_ML_INFERENCE: <c>/api/transformer-risk/map?bbox=</c> (the view's
/// transformers above LOW risk, riskiest first, with counts by category) and <c>/api/export/transformer-risk.csv</c>.
/// </summary>
public static class TransformerRiskEndpoints
{
    /// <summary>The most transformers one viewport answer carries; past it the riskiest are sent and the answer says truncated.</summary>
    public const int MaxTransformers = 3_000;

    public static IEndpointRouteBuilder MapTransformerRiskApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/transformer-risk/map", GetMapAsync)
            .WithTags("Transformer risk").WithName("GetTransformerRiskMap")
            .WithSummary($"Transformers above LOW risk in bbox=minLon,minLat,maxLon,maxLat, riskiest first, at most {MaxTransformers}, with counts by category.");
        endpoints.MapGet("/api/export/transformer-risk.csv", async (TransformerRiskQueries queries, CancellationToken cancellationToken) =>
            {
                var rows = await queries.GetFleetTransformerRiskAsync(GridQueries.MaxRows, cancellationToken);
                return TypedResults.Stream(async body =>
                {
                    await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024);
                    await CsvWriter.WriteAsync(writer, CsvWriter.FromListAsync(Task.FromResult(rows)), TransformerRiskColumns.Columns, CancellationToken.None);
                }, "text/csv; charset=utf-8", "transformer-risk.csv");
            })
            .WithTags("Export").WithName("ExportTransformerRisk").WithSummary("The fleet-risk list (transformers by the model's failure probability) as CSV.");
        return endpoints;
    }

    private static async Task<Results<Ok<TransformerRiskMapResponse>, ValidationProblem>> GetMapAsync(
        string? bbox, TransformerRiskQueries queries, HttpResponse response, CancellationToken cancellationToken)
    {
        var box = MapEndpoints.ParseBox(bbox, out var boxError);
        if (boxError is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["bbox"] = [boxError] },
                title: "Invalid transformer-risk request");
        }

        var started = Stopwatch.GetTimestamp();
        var points = await queries.GetTransformerRiskInBoxAsync(box!.Value, MaxTransformers + 1, cancellationToken);
        var counts = await queries.CountTransformerRiskInBoxAsync(box.Value, cancellationToken);
        response.Headers["Server-Timing"] = $"query;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:F2}";
        var shown = points.Take(MaxTransformers).ToList();
        return TypedResults.Ok(new TransformerRiskMapResponse(
            TransformerRiskMapResponse.Categories.ToDictionary(c => c, c => counts.GetValueOrDefault(c), StringComparer.Ordinal),
            counts.Values.Sum(), points.Count > MaxTransformers,
            [.. shown.Select(p => p.TransformerId)], [.. shown.Select(p => Math.Round(p.Latitude, 6))], [.. shown.Select(p => Math.Round(p.Longitude, 6))],
            [.. shown.Select(p => Math.Round(p.FailureProbability, 3))],
            [.. shown.Select(p => Array.IndexOf(TransformerRiskMapResponse.Categories, p.RiskCategory))],
            [.. shown.Select(p => TransformerRiskColumns.Driver(p.TopDriver))]));
    }
}
