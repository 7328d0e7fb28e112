using System.Text;
using Flux.OpsCenter.Data.Analysis.Reliability;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Export;
using Flux.OpsCenter.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.OpsCenter.Web.Api;

/// <summary>
/// IEEE 1366 indices as JSON (<c>/api/reliability/…</c>) and CSV exports of every table the outage, reliability and
/// work-order pages show (<c>/api/export/…</c>). Bad input is a 400 problem details naming the field. An export checks
/// its request and reads its first rows before the 200 goes out, so a failure is an error status, never a cut-off file.
/// </summary>
public static class ReliabilityApiEndpoints
{
    public static IEndpointRouteBuilder MapReliabilityApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api/reliability").WithTags("Reliability");
        api.MapGet("/indices", GetIndicesAsync)
            .WithName("GetReliabilityIndices").WithSummary("SAIDI, SAIFI, CAIDI, CAIFI, MAIFI and ASAI for a period and scope, with and without major event days.");
        api.MapGet("/monthly", ([AsParameters] ReliabilityQuery query, ReliabilityService service, CancellationToken cancellationToken) =>
                JsonAsync(service, query, (r, t) => service.GetMonthlyAsync(r.Period!, r.Scope!, t, cancellationToken), cancellationToken))
            .WithName("GetMonthlyReliability").WithSummary("The indices month by month over the period.");
        api.MapGet("/causes", ([AsParameters] ReliabilityQuery query, ReliabilityService service, CancellationToken cancellationToken) =>
                JsonAsync(service, query, (r, t) => service.GetByCauseAsync(r.Period!, r.Scope!, t, cancellationToken), cancellationToken))
            .WithName("GetReliabilityByCause").WithSummary("Customer interruptions and minutes by cause over the period.");
        api.MapGet("/worst-feeders", GetWorstFeedersAsync)
            .WithName("GetWorstFeeders").WithSummary($"Feeders by CEMI-n and CELID-h, worst first; limit 1 to {WorstFeederQuery.MaxFeeders}, default 25.");

        var export = endpoints.MapGroup("/api/export").WithTags("Exports").RequireRateLimiting(ApiRateLimits.Exports);
        export.MapGet("/reliability/indices.csv", ExportIndicesAsync)
            .WithName("ExportReliabilityIndices").WithSummary("The indices as CSV.");
        export.MapGet("/reliability/comparison.csv", ExportComparisonAsync)
            .WithName("ExportReliabilityComparison").WithSummary("The indices against the previous period of the same length, as CSV.");
        export.MapGet("/reliability/monthly.csv", ([AsParameters] ReliabilityQuery query, ReliabilityService service, CancellationToken cancellationToken) =>
                CsvAsync(service, query, "reliability-monthly.csv", ExportTables.Monthly, (r, t) => service.GetMonthlyAsync(r.Period!, r.Scope!, t, cancellationToken), cancellationToken))
            .WithName("ExportMonthlyReliability").WithSummary("The monthly indices as CSV.");
        export.MapGet("/reliability/causes.csv", ([AsParameters] ReliabilityQuery query, ReliabilityService service, CancellationToken cancellationToken) =>
                CsvAsync(service, query, "reliability-causes.csv", ExportTables.Causes, (r, t) => service.GetByCauseAsync(r.Period!, r.Scope!, t, cancellationToken), cancellationToken))
            .WithName("ExportReliabilityByCause").WithSummary("Interruptions by cause as CSV.");
        export.MapGet("/reliability/worst-feeders.csv", ExportWorstFeedersAsync)
            .WithName("ExportWorstFeeders").WithSummary($"The worst feeders as CSV; limit 1 to {WorstFeederQuery.MaxFeeders}, default 25.");
        export.MapGet("/outages/history.csv", ExportOutageHistoryAsync)
            .WithName("ExportOutageHistory").WithSummary("Every interruption that started in the period, filtered, as CSV (streamed).");
        export.MapGet("/outages/active.csv", async (GridQueries queries, CancellationToken cancellationToken) =>
                Csv("active-outages.csv", ExportTables.Outages, await queries.GetActiveOutagesAsync(GridQueries.MaxRows, cancellationToken)))
            .WithName("ExportActiveOutages").WithSummary("Active outages as CSV.");
        export.MapGet("/work-orders/open.csv", async (GridQueries queries, CancellationToken cancellationToken) =>
                Csv("open-work-orders.csv", ExportTables.WorkOrders, await queries.GetOpenWorkOrdersAsync(GridQueries.MaxRows, cancellationToken)))
            .WithName("ExportOpenWorkOrders").WithSummary("Open work orders as CSV.");
        export.MapGet("/work-orders/summary.csv", async (OutageQueries outages, CancellationToken cancellationToken) =>
                Csv("work-order-summary.csv", ExportTables.WorkOrderSummary, await outages.GetWorkOrderSummaryAsync(cancellationToken)))
            .WithName("ExportWorkOrderSummary").WithSummary("Open work by priority and status as CSV.");
        export.MapGet("/crews.csv", async (GridQueries queries, CancellationToken cancellationToken) =>
                Csv("crews.csv", ExportTables.Crews, await queries.GetCrewsAsync(GridQueries.MaxRows, cancellationToken)))
            .WithName("ExportCrews").WithSummary("Crews and their assignments as CSV.");
        return endpoints;
    }

    private static async Task<Results<Ok<ReliabilityReport>, ValidationProblem>> GetIndicesAsync(
        [AsParameters] ReliabilityQuery query, ReliabilityService service, CancellationToken cancellationToken)
    {
        var request = await ResolveAsync(service, query, cancellationToken);
        return request.IsValid ? TypedResults.Ok(await service.GetReportAsync(request.Period, request.Scope, cancellationToken)) : Invalid(request);
    }

    private static async Task<Results<Ok<IReadOnlyList<FeederReliability>>, ValidationProblem>> GetWorstFeedersAsync(
        [AsParameters] ReliabilityQuery query, [AsParameters] WorstFeederQuery thresholds, [AsParameters] LimitQuery limit,
        ReliabilityService service, CancellationToken cancellationToken)
    {
        if (!thresholds.TryResolve(limit, out var options, out var errors))
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid worst-feeder request");
        }

        return await JsonAsync(service, query, (r, t) => service.GetWorstFeedersAsync(r.Period!, r.Scope!, t, options, cancellationToken), cancellationToken);
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem>> ExportIndicesAsync(
        [AsParameters] ReliabilityQuery query, ReliabilityService service, CancellationToken cancellationToken)
    {
        var request = await ResolveAsync(service, query, cancellationToken);
        return request.IsValid
            ? Csv("reliability-indices.csv", ExportTables.Indices, ExportTables.IndexRows(await service.GetReportAsync(request.Period, request.Scope, cancellationToken)))
            : Invalid(request);
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem>> ExportComparisonAsync(
        [AsParameters] ReliabilityQuery query, ReliabilityService service, CancellationToken cancellationToken)
    {
        var request = await ResolveAsync(service, query, cancellationToken);
        if (!request.IsValid)
        {
            return Invalid(request);
        }

        var current = await service.GetReportAsync(request.Period, request.Scope, cancellationToken);
        var previous = await service.GetReportAsync(request.Period.Previous(), request.Scope, cancellationToken);
        return Csv("reliability-comparison.csv", ExportTables.Comparison, ExportTables.ComparisonRows(current, previous));
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem>> ExportWorstFeedersAsync(
        [AsParameters] ReliabilityQuery query, [AsParameters] WorstFeederQuery thresholds, [AsParameters] LimitQuery limit,
        ReliabilityService service, CancellationToken cancellationToken)
    {
        if (!thresholds.TryResolve(limit, out var options, out var errors))
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid worst-feeder request");
        }

        return await CsvAsync(service, query, "worst-feeders.csv", ExportTables.WorstFeeders,
            (r, t) => service.GetWorstFeedersAsync(r.Period!, r.Scope!, t, options, cancellationToken), cancellationToken);
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem>> ExportOutageHistoryAsync(
        [AsParameters] ReliabilityQuery query, string? substation, string? feeder, string? cause, string? kind,
        OutageQueries outages, ReliabilityService service, CancellationToken cancellationToken)
    {
        var clock = await service.GetClockAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!ReliabilityPeriod.TryParse(query.From, query.To, clock.AsOf.AddMinutes(1), out var period, out var periodError))
        {
            errors[periodError.StartsWith("'to'", StringComparison.Ordinal) ? "to" : "from"] = [periodError];
        }

        var outageKind = OutageKind.All;
        if (!string.IsNullOrEmpty(kind) && (!Enum.TryParse(kind, ignoreCase: true, out outageKind) || !Enum.IsDefined(outageKind) || char.IsAsciiDigit(kind[0])))
        {
            errors["kind"] = ["'kind' must be all, sustained or momentary."];
        }

        if (errors.Count > 0 || period is null)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid outage history request");
        }

        var filter = new OutageHistoryFilter(period.From, period.To, substation, feeder, cause, outageKind);
        return Csv("outage-history.csv", ExportTables.Outages, await StartAsync(outages.StreamOutageHistoryAsync(filter, cancellationToken), cancellationToken));
    }

    private static Task<ReliabilityRequest> ResolveAsync(ReliabilityService service, ReliabilityQuery query, CancellationToken cancellationToken) =>
        ReliabilityRequest.ResolveAsync(service, query.From, query.To, query.Scope, cancellationToken);

    private static async Task<Results<Ok<IReadOnlyList<T>>, ValidationProblem>> JsonAsync<T>(ReliabilityService service, ReliabilityQuery query,
        Func<ReliabilityRequest, MajorEventThreshold, Task<IReadOnlyList<T>>> load, CancellationToken cancellationToken)
    {
        var request = await ResolveAsync(service, query, cancellationToken);
        if (!request.IsValid)
        {
            return Invalid(request);
        }

        var threshold = await service.GetThresholdAsync(request.Period.From, cancellationToken);
        return TypedResults.Ok(await load(request, threshold));
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem>> CsvAsync<T>(ReliabilityService service, ReliabilityQuery query, string fileName,
        IReadOnlyList<CsvColumn<T>> columns, Func<ReliabilityRequest, MajorEventThreshold, Task<IReadOnlyList<T>>> load, CancellationToken cancellationToken)
    {
        var request = await ResolveAsync(service, query, cancellationToken);
        if (!request.IsValid)
        {
            return Invalid(request);
        }

        var threshold = await service.GetThresholdAsync(request.Period.From, cancellationToken);
        return Csv(fileName, columns, await load(request, threshold));
    }

    private static ValidationProblem Invalid(ReliabilityRequest request) =>
        TypedResults.ValidationProblem(
            request.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }, StringComparer.Ordinal),
            detail: string.Join(" ", request.Errors.Values),
            title: "Invalid reliability request");

    private static PushStreamHttpResult Csv<T>(string fileName, IReadOnlyList<CsvColumn<T>> columns, IReadOnlyList<T> rows) =>
        Csv(fileName, columns, new StartedRows<T>(rows, null));

    private static PushStreamHttpResult Csv<T>(string fileName, IReadOnlyList<CsvColumn<T>> columns, StartedRows<T> rows) =>
        TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024);
            await CsvWriter.WriteAsync(writer, rows.AllAsync(), columns, CancellationToken.None);
        }, "text/csv; charset=utf-8", fileName);

    /// <summary>
    /// Reads a streamed export's first chunk before the response starts: a bad filter or an unreachable source then
    /// fails the request with its error status instead of a 200 that breaks off.
    /// </summary>
    private static async Task<StartedRows<T>> StartAsync<T>(IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var enumerator = rows.GetAsyncEnumerator(cancellationToken);
        var first = new List<T>();
        if (await enumerator.MoveNextAsync())
        {
            first.Add(enumerator.Current);
            return new StartedRows<T>(first, enumerator);
        }

        await enumerator.DisposeAsync();
        return new StartedRows<T>(first, null);
    }

    /// <summary>Rows already read, then the rest of the stream they came from.</summary>
    private sealed record StartedRows<T>(IReadOnlyList<T> First, IAsyncEnumerator<T>? Rest)
    {
        public async IAsyncEnumerable<T> AllAsync()
        {
            foreach (var row in First)
            {
                yield return row;
            }

            if (Rest is null)
            {
                yield break;
            }

            await using (Rest)
            {
                while (await Rest.MoveNextAsync())
                {
                    yield return Rest.Current;
                }
            }
        }
    }
}
