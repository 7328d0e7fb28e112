using System.Security.Claims;
using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Identity;
using Flux.OpsCenter.Web.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json;

namespace Flux.OpsCenter.Web.Api;

/// <summary>Alarm writes for external tools and tests; the same authorised path as the UI's Ack button.</summary>
public static class AlarmApiEndpoints
{
    public static IEndpointRouteBuilder MapAlarmApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/api/alarms/{alarmId}/acknowledge", AcknowledgeAsync)
            .RequireAuthorization(OpsCenterPolicies.Operate)
            .WithName("AcknowledgeAlarm")
            .WithSummary("Acknowledges an alarm of the last 24 hours under the signed-in user's name (Operator, Supervisor or Admin); optional JSON body {\"comment\": \"…\"}.");
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
        // The body is optional and read here: a declared body would let routing pass a body-less POST to the /api
        // catch-all (404) instead of this endpoint. ApiRequestGuard has already refused bodies that are not JSON.
        AcknowledgeAlarmRequest? request;
        try
        {
            request = http.HasJsonContentType() ? await http.ReadFromJsonAsync<AcknowledgeAlarmRequest>(cancellationToken) : null;
        }
        catch (JsonException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed request body",
                detail: "The body must be a JSON object such as {\"comment\": \"crew informed\"}, or empty.");
        }

        var comment = request?.Comment;
        if (comment is { Length: > GridCommands.MaxCommentLength })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Comment too long",
                detail: $"A comment holds at most {GridCommands.MaxCommentLength} characters.");
        }

        // The alarms an operator can see are the live feed's; anything else is not an alarm of the last 24 hours.
        if (feed.Current is not { } live)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Live status not loaded yet",
                detail: "The status monitor has not completed its first poll; try again in a few seconds.");
        }

        if (!live.Alarms.Any(a => string.Equals(a.AlarmId, alarmId, StringComparison.Ordinal)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown alarm",
                detail: "No alarm of the last 24 hours has this id.");
        }

        try
        {
            return await commands.AcknowledgeAlarmAsync(user, alarmId, comment, cancellationToken) switch
            {
                AcknowledgeOutcome.Acknowledged => TypedResults.Ok(new AlarmAcknowledgementResponse(alarmId, true, user.Identity!.Name)),
                AcknowledgeOutcome.AlreadyAcknowledged => TypedResults.Ok(new AlarmAcknowledgementResponse(alarmId, false, null)),
                _ => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Your role may not do this."),
            };
        }
        catch (FluxDataException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Acknowledgement not saved", detail: $"{ex.Source} source {ex.Kind}.");
        }
    }
}
