using System.Text;
using Flux.OpsCenter.Data.Analysis.Reliability;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Export;

namespace Flux.OpsCenter.Web.Api;

/// <summary>
/// IEEE 1366 indices as JSON (<c>/api/reliability/…</c>) and CSV exports of every table the outage, reliability and
/// work-order pages show (<c>/api/export/…</c>). Bad input is a 400 problem details naming the field.
/// </summary>
public static class ReliabilityApiEndpoints
{
    public static IEndpointRouteBuilder MapReliabilityApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api/reliability");
        api.MapGet("/indices", async (ReliabilityService service, string? from, string? to, string? scope, CancellationToken cancellationToken) =>
        {
            var request = await ReliabilityRequest.ResolveAsync(service, from, to, scope, cancellationToken);
            return request.IsValid ? Results.Ok(await service.GetReportAsync(request.Period, request.Scope, cancellationToken)) : Invalid(request);
        });
        api.MapGet("/monthly", (ReliabilityService service, string? from, string? to, string? scope, CancellationToken cancellationToken) =>
            WithThresholdAsync(service, from, to, scope, (r, t) => service.GetMonthlyAsync(r.Period!, r.Scope!, t, cancellationToken), cancellationToken));
        api.MapGet("/causes", (ReliabilityService service, string? from, string? to, string? scope, CancellationToken cancellationToken) =>
            WithThresholdAsync(service, from, to, scope, (r, t) => service.GetByCauseAsync(r.Period!, r.Scope!, t, cancellationToken), cancellationToken));
        api.MapGet("/worst-feeders", (ReliabilityService service, string? from, string? to, string? scope, int? n, double? hours, bool? excludeMed, int? limit,
                CancellationToken cancellationToken) =>
            WithThresholdAsync(service, from, to, scope, (r, t) => service.GetWorstFeedersAsync(r.Period!, r.Scope!, t, Options(n, hours, excludeMed, limit), cancellationToken),
                cancellationToken));

        var export = endpoints.MapGroup("/api/export");
        export.MapGet("/reliability/indices.csv", async (ReliabilityService service, string? from, string? to, string? scope, CancellationToken cancellationToken) =>
        {
            var request = await ReliabilityRequest.ResolveAsync(service, from, to, scope, cancellationToken);
            return request.IsValid
                ? Csv("reliability-indices.csv", ExportTables.Indices, ListAsync(ExportTables.IndexRows(await service.GetReportAsync(request.Period, request.Scope, cancellationToken))))
                : Invalid(request);
        });
        export.MapGet("/reliability/comparison.csv", async (ReliabilityService service, string? from, string? to, string? scope, CancellationToken cancellationToken) =>
        {
            var request = await ReliabilityRequest.ResolveAsync(service, from, to, scope, cancellationToken);
            if (!request.IsValid)
            {
                return Invalid(request);
            }

            var current = await service.GetReportAsync(request.Period, request.Scope, cancellationToken);
            var previous = await service.GetReportAsync(request.Period.Previous(), request.Scope, cancellationToken);
            return Csv("reliability-comparison.csv", ExportTables.Comparison, ListAsync(ExportTables.ComparisonRows(current, previous)));
        });
        export.MapGet("/reliability/monthly.csv", (ReliabilityService service, string? from, string? to, string? scope, CancellationToken cancellationToken) =>
            CsvWithThresholdAsync(service, from, to, scope, "reliability-monthly.csv", ExportTables.Monthly,
                (r, t) => service.GetMonthlyAsync(r.Period!, r.Scope!, t, cancellationToken), cancellationToken));
        export.MapGet("/reliability/causes.csv", (ReliabilityService service, string? from, string? to, string? scope, CancellationToken cancellationToken) =>
            CsvWithThresholdAsync(service, from, to, scope, "reliability-causes.csv", ExportTables.Causes,
                (r, t) => service.GetByCauseAsync(r.Period!, r.Scope!, t, cancellationToken), cancellationToken));
        export.MapGet("/reliability/worst-feeders.csv", (ReliabilityService service, string? from, string? to, string? scope, int? n, double? hours, bool? excludeMed,
                int? limit, CancellationToken cancellationToken) =>
            CsvWithThresholdAsync(service, from, to, scope, "worst-feeders.csv", ExportTables.WorstFeeders,
                (r, t) => service.GetWorstFeedersAsync(r.Period!, r.Scope!, t, Options(n, hours, excludeMed, limit), cancellationToken), cancellationToken));
        export.MapGet("/outages/history.csv", async (OutageQueries outages, ReliabilityService service, string? from, string? to, string? substation, string? feeder,
            string? cause, string? kind, CancellationToken cancellationToken) =>
        {
            var clock = await service.GetClockAsync(cancellationToken);
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (!ReliabilityPeriod.TryParse(from, to, clock.AsOf.AddMinutes(1), out var period, out var periodError))
            {
                errors["from"] = [periodError];
            }

            var outageKind = OutageKind.All;
            if (!string.IsNullOrEmpty(kind) && !Enum.TryParse(kind, ignoreCase: true, out outageKind))
            {
                errors["kind"] = [$"'kind' must be all, sustained or momentary, not '{kind}'."];
            }

            if (errors.Count > 0 || period is null)
            {
                return Results.ValidationProblem(errors, title: "Invalid outage history request");
            }

            var filter = new OutageHistoryFilter(period.From, period.To, substation, feeder, cause, outageKind);
            return Csv("outage-history.csv", ExportTables.Outages, outages.StreamOutageHistoryAsync(filter, cancellationToken));
        });
        export.MapGet("/outages/active.csv", (GridQueries queries, CancellationToken cancellationToken) =>
            Csv("active-outages.csv", ExportTables.Outages, CsvWriter.FromListAsync(queries.GetActiveOutagesAsync(GridQueries.MaxRows, cancellationToken))));
        export.MapGet("/work-orders/open.csv", (GridQueries queries, CancellationToken cancellationToken) =>
            Csv("open-work-orders.csv", ExportTables.WorkOrders, CsvWriter.FromListAsync(queries.GetOpenWorkOrdersAsync(GridQueries.MaxRows, cancellationToken))));
        export.MapGet("/work-orders/summary.csv", (OutageQueries outages, CancellationToken cancellationToken) =>
            Csv("work-order-summary.csv", ExportTables.WorkOrderSummary, CsvWriter.FromListAsync(outages.GetWorkOrderSummaryAsync(cancellationToken))));
        export.MapGet("/crews.csv", (GridQueries queries, CancellationToken cancellationToken) =>
            Csv("crews.csv", ExportTables.Crews, CsvWriter.FromListAsync(queries.GetCrewsAsync(GridQueries.MaxRows, cancellationToken))));
        return endpoints;
    }

    private static WorstFeederOptions Options(int? n, double? hours, bool? excludeMed, int? limit) =>
        new(n ?? 3, hours ?? 8, excludeMed ?? true, limit ?? 25);

    private static async Task<IResult> WithThresholdAsync<T>(ReliabilityService service, string? from, string? to, string? scope,
        Func<ReliabilityRequest, MajorEventThreshold, Task<IReadOnlyList<T>>> load, CancellationToken cancellationToken)
    {
        var request = await ReliabilityRequest.ResolveAsync(service, from, to, scope, cancellationToken);
        if (!request.IsValid)
        {
            return Invalid(request);
        }

        var threshold = await service.GetThresholdAsync(request.Period.From, cancellationToken);
        return Results.Ok(await load(request, threshold));
    }

    private static async Task<IResult> CsvWithThresholdAsync<T>(ReliabilityService service, string? from, string? to, string? scope, string fileName,
        IReadOnlyList<CsvColumn<T>> columns, Func<ReliabilityRequest, MajorEventThreshold, Task<IReadOnlyList<T>>> load, CancellationToken cancellationToken)
    {
        var request = await ReliabilityRequest.ResolveAsync(service, from, to, scope, cancellationToken);
        if (!request.IsValid)
        {
            return Invalid(request);
        }

        var threshold = await service.GetThresholdAsync(request.Period.From, cancellationToken);
        return Csv(fileName, columns, CsvWriter.FromListAsync(load(request, threshold)));
    }

    private static IResult Invalid(ReliabilityRequest request) =>
        Results.ValidationProblem(
            request.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }, StringComparer.Ordinal),
            detail: string.Join(" ", request.Errors.Values),
            title: "Invalid reliability request");

    private static IResult Csv<T>(string fileName, IReadOnlyList<CsvColumn<T>> columns, IAsyncEnumerable<T> rows) =>
        Results.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024);
            await CsvWriter.WriteAsync(writer, rows, columns, CancellationToken.None);
        }, "text/csv; charset=utf-8", fileName);

    private static async IAsyncEnumerable<T> ListAsync<T>(IReadOnlyList<T> rows)
    {
        foreach (var row in rows)
        {
            yield return row;
        }

        await Task.CompletedTask;
    }
}
