using System.Security.Claims;
using System.Text.Json;
using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Identity;
using Flux.OpsCenter.Web.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Flux.OpsCenter.Web.Api;

/// <summary>
/// Alarm writes (acknowledge, acknowledge selected, shelve, unshelve) for external tools and tests, on the same
/// authorised path as the UI's buttons; an alarm's recorded history; and the supervisor's EEMUA 191 figures.
/// </summary>
public static class AlarmApiEndpoints
{
    private const int MaxAuditEntries = 200;

    public static IEndpointRouteBuilder MapAlarmApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/api/alarms/{alarmId}/acknowledge", AcknowledgeAsync)
            .RequireAuthorization(OpsCenterPolicies.Operate)
            .WithName("AcknowledgeAlarm")
            .WithSummary("Acknowledges an alarm on the alarm list under the signed-in user's name (Operator, Supervisor or Admin); optional JSON body {\"comment\": \"…\"}.");
        endpoints.MapPost("/api/alarms/acknowledge", AcknowledgeSelectedAsync)
            .RequireAuthorization(OpsCenterPolicies.Operate)
            .WithName("AcknowledgeAlarms")
            .WithSummary("Acknowledges the selected alarms (1 to 200) in one transaction; JSON body {\"alarmIds\": [\"…\"], \"comment\": \"…\"}.");
        endpoints.MapPost("/api/alarms/{alarmId}/shelve", ShelveAsync)
            .RequireAuthorization(OpsCenterPolicies.Operate)
            .WithName("ShelveAlarm")
            .WithSummary("Shelves an alarm with a reason for 5 to 720 minutes; it returns by itself at expiry. JSON body {\"reason\": \"…\", \"minutes\": 60}.");
        endpoints.MapPost("/api/alarms/{alarmId}/unshelve", UnshelveAsync)
            .RequireAuthorization(OpsCenterPolicies.Operate)
            .WithName("UnshelveAlarm")
            .WithSummary("Returns a shelved alarm to the list before its shelf expires.");
        endpoints.MapGet("/api/alarms/{alarmId}/history", HistoryAsync)
            .WithName("GetAlarmHistory")
            .WithSummary("Who acknowledged, shelved or unshelved an alarm, when, and with what comment or reason, oldest first.");
        endpoints.MapGet("/api/alarms/rates", RatesAsync)
            .RequireAuthorization(OpsCenterPolicies.Supervise)
            .WithName("GetAlarmRates")
            .WithSummary("EEMUA 191 figures (Supervisor or Admin) for alarms raised in [from, to) (ISO 8601, at most 31 days; default the 24 hours before the data clock): per operator position alarms, average and peak per 10 minutes and flood intervals (> 10 in 10 minutes), the top 10 bad actors and chattering sources (3 or more within a minute).");
        return endpoints;
    }

    private static async Task<Results<Ok<AlarmAcknowledgementResponse>, ProblemHttpResult>> AcknowledgeAsync(
        string alarmId,
        HttpRequest http,
        ClaimsPrincipal user,
        AuthorizedCommands commands,
        GridStatusFeed feed,
        CancellationToken cancellationToken)
    {
        var (request, malformed) = await ReadBodyAsync<AcknowledgeAlarmRequest>(http, "{\"comment\": \"crew informed\"}", cancellationToken);
        if (malformed is not null)
        {
            return malformed;
        }

        var comment = request?.Comment;
        if (comment is { Length: > GridCommands.MaxCommentLength })
        {
            return CommentTooLong();
        }

        if (UnknownAlarms(feed, [alarmId]) is { } unknown)
        {
            return unknown;
        }

        return await WriteAsync<AlarmAcknowledgementResponse>(async () => await commands.AcknowledgeAlarmAsync(user, alarmId, comment, cancellationToken) switch
        {
            AcknowledgeOutcome.Acknowledged => TypedResults.Ok(new AlarmAcknowledgementResponse(alarmId, true, user.Identity!.Name)),
            AcknowledgeOutcome.AlreadyAcknowledged => TypedResults.Ok(new AlarmAcknowledgementResponse(alarmId, false, null)),
            _ => Forbidden(),
        });
    }

    private static async Task<Results<Ok<AlarmsAcknowledgementResponse>, ProblemHttpResult>> AcknowledgeSelectedAsync(
        HttpRequest http,
        ClaimsPrincipal user,
        AuthorizedCommands commands,
        GridStatusFeed feed,
        CancellationToken cancellationToken)
    {
        var (request, malformed) = await ReadBodyAsync<AcknowledgeAlarmsRequest>(http, "{\"alarmIds\": [\"NEW-OUT-0001\"], \"comment\": \"storm\"}", cancellationToken);
        if (malformed is not null)
        {
            return malformed;
        }

        var alarmIds = request?.AlarmIds?.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (alarmIds.Count is 0 or > GridCommands.MaxAlarmsPerAcknowledgement)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No alarms, or too many",
                detail: $"Name from 1 to {GridCommands.MaxAlarmsPerAcknowledgement} alarms in \"alarmIds\".");
        }

        if (request?.Comment is { Length: > GridCommands.MaxCommentLength })
        {
            return CommentTooLong();
        }

        if (UnknownAlarms(feed, alarmIds) is { } unknown)
        {
            return unknown;
        }

        return await WriteAsync<AlarmsAcknowledgementResponse>(async () => await commands.AcknowledgeAlarmsAsync(user, alarmIds, request?.Comment, cancellationToken) is { } recorded
            ? TypedResults.Ok(new AlarmsAcknowledgementResponse(alarmIds.Count, recorded))
            : Forbidden());
    }

    private static async Task<Results<Ok<AlarmShelfResponse>, ProblemHttpResult>> ShelveAsync(
        string alarmId,
        HttpRequest http,
        ClaimsPrincipal user,
        AuthorizedCommands commands,
        GridStatusFeed feed,
        CancellationToken cancellationToken)
    {
        var (request, malformed) = await ReadBodyAsync<ShelveAlarmRequest>(http, "{\"reason\": \"known fault, crew on site\", \"minutes\": 60}", cancellationToken);
        if (malformed is not null)
        {
            return malformed;
        }

        if (string.IsNullOrWhiteSpace(request?.Reason) || request.Reason.Length > GridCommands.MaxCommentLength)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "A reason is needed",
                detail: $"Shelving needs a \"reason\" of 1 to {GridCommands.MaxCommentLength} characters.");
        }

        var duration = TimeSpan.FromMinutes(request.Minutes);
        if (duration < GridCommands.MinShelfDuration || duration > GridCommands.MaxShelfDuration)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Shelf too short or too long",
                detail: $"\"minutes\" is from {GridCommands.MinShelfDuration.TotalMinutes:0} to {GridCommands.MaxShelfDuration.TotalMinutes:0}.");
        }

        if (UnknownAlarms(feed, [alarmId]) is { } unknown)
        {
            return unknown;
        }

        return await WriteAsync<AlarmShelfResponse>(async () => await commands.ShelveAlarmAsync(user, alarmId, request.Reason, duration, cancellationToken) switch
        {
            AlarmWriteOutcome.Forbidden => Forbidden(),
            var outcome => TypedResults.Ok(new AlarmShelfResponse(alarmId, outcome == AlarmWriteOutcome.Written)),
        });
    }

    private static async Task<Results<Ok<AlarmShelfResponse>, ProblemHttpResult>> UnshelveAsync(
        string alarmId,
        ClaimsPrincipal user,
        AuthorizedCommands commands,
        GridStatusFeed feed,
        CancellationToken cancellationToken)
    {
        if (UnknownAlarms(feed, [alarmId]) is { } unknown)
        {
            return unknown;
        }

        return await WriteAsync<AlarmShelfResponse>(async () => await commands.UnshelveAlarmAsync(user, alarmId, cancellationToken) switch
        {
            AlarmWriteOutcome.Forbidden => Forbidden(),
            var outcome => TypedResults.Ok(new AlarmShelfResponse(alarmId, outcome == AlarmWriteOutcome.Written)),
        });
    }

    private static async Task<Ok<IReadOnlyList<AlarmAuditEntry>>> HistoryAsync(string alarmId, GridQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.GetAlarmAuditTrailAsync(alarmId, MaxAuditEntries, cancellationToken));

    private static async Task<Results<Ok<AlarmPerformanceReport>, ProblemHttpResult>> RatesAsync(
        [FromQuery] DateTimeOffset? from,
        [FromQuery] DateTimeOffset? to,
        GridQueries queries,
        GridStatusFeed feed,
        CancellationToken cancellationToken)
    {
        var end = to ?? feed.Current?.Kpis?.AsOf ?? DateTimeOffset.UtcNow;
        var start = from ?? end.AddHours(-24);
        if (end <= start || end - start > AlarmPerformanceReport.MaxWindow)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid window",
                detail: $"'to' must be after 'from', at most {AlarmPerformanceReport.MaxWindow.TotalDays:0} days later.");
        }

        return TypedResults.Ok(await AlarmPerformanceReport.LoadAsync(queries, start, end, cancellationToken));
    }

    // The body is optional and read here: a declared body would let routing pass a body-less POST to the /api
    // catch-all (404) instead of this endpoint. ApiRequestGuard has already refused bodies that are not JSON.
    private static async Task<(T? Body, ProblemHttpResult? Malformed)> ReadBodyAsync<T>(HttpRequest http, string example, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return (http.HasJsonContentType() ? await http.ReadFromJsonAsync<T>(cancellationToken) : null, null);
        }
        catch (JsonException)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed request body",
                detail: $"The body must be a JSON object such as {example}, or empty."));
        }
    }

    // The alarms an operator can see are the live feed's; anything else is not on the alarm list.
    private static ProblemHttpResult? UnknownAlarms(GridStatusFeed feed, IReadOnlyCollection<string> alarmIds)
    {
        if (feed.Current is not { } live)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Live status not loaded yet",
                detail: "The status monitor has not completed its first poll; try again in a few seconds.");
        }

        var known = live.Alarms.Select(a => a.AlarmId).ToHashSet(StringComparer.Ordinal);
        var missing = alarmIds.Where(id => !known.Contains(id)).ToList();
        return missing.Count == 0 ? null : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown alarm",
            detail: $"Not on the alarm list: {string.Join(", ", missing.Take(10))}.");
    }

    private static async Task<Results<Ok<T>, ProblemHttpResult>> WriteAsync<T>(Func<Task<Results<Ok<T>, ProblemHttpResult>>> write)
    {
        try
        {
            return await write();
        }
        catch (FluxDataException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not saved", detail: $"{ex.Source} source {ex.Kind}.");
        }
    }

    private static ProblemHttpResult CommentTooLong() => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Comment too long",
        detail: $"A comment holds at most {GridCommands.MaxCommentLength} characters.");

    private static ProblemHttpResult Forbidden() => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Your role may not do this.");
}
