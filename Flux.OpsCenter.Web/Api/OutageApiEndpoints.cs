using System.Security.Claims;
using System.Text.Json;
using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.OpsCenter.Web.Api;

/// <summary>
/// The outage lifecycle for external tools and tests: read one outage's workflow, and take its steps (confirm, dispatch,
/// ETR, restore a section, restore, verify) on the same authorised path as the outage page's buttons.
/// </summary>
public static class OutageApiEndpoints
{
    /// <summary>Critical-care customers listed per outage at most.</summary>
    public const int CriticalCareLimit = 200;

    public static IEndpointRouteBuilder MapOutageApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/outages/{outageId}/workflow", GetWorkflowAsync)
            .WithName("GetOutageWorkflow")
            .WithSummary("One sustained outage's lifecycle stage, the steps allowed now, its sections (transformers) and critical-care customers, and its recorded steps.");
        var steps = endpoints.MapGroup("/api/outages/{outageId}").RequireAuthorization(OpsCenterPolicies.Operate);
        steps.MapPost("/confirm", (string outageId, HttpRequest http, ClaimsPrincipal user, AuthorizedOutageCommands commands, CancellationToken ct) =>
                StepAsync(OutageAction.Confirm, outageId, null, http, user, commands, ct))
            .WithName("ConfirmOutageStep").WithSummary("Confirms a predicted outage (Operator, Supervisor or Admin); optional body {\"comment\": \"…\"}.");
        steps.MapPost("/dispatch", (string outageId, HttpRequest http, ClaimsPrincipal user, AuthorizedOutageCommands commands, CancellationToken ct) =>
                StepAsync(OutageAction.Dispatch, outageId, null, http, user, commands, ct))
            .WithName("DispatchOutageCrew").WithSummary("Sends an available crew to a confirmed outage: body {\"crewId\": \"CREW-001\"}; a busy crew is 409.");
        steps.MapPost("/etr", (string outageId, HttpRequest http, ClaimsPrincipal user, AuthorizedOutageCommands commands, CancellationToken ct) =>
                StepAsync(OutageAction.SetEtr, outageId, null, http, user, commands, ct))
            .WithName("SetOutageEtr").WithSummary("Sets or updates the ETR: body {\"etr\": \"2026-11-20T18:30:00Z\", \"source\": \"crew\"}; an estimate never overwrites a crew's ETR (409).");
        steps.MapPost("/sections/{transformerId}/restore", (string outageId, string transformerId, HttpRequest http, ClaimsPrincipal user, AuthorizedOutageCommands commands, CancellationToken ct) =>
                StepAsync(OutageAction.RestoreSection, outageId, transformerId, http, user, commands, ct))
            .WithName("RestoreOutageSection").WithSummary("Restores one section (a transformer behind the isolating device) of a dispatched outage; its customers come back.");
        steps.MapPost("/restore", (string outageId, HttpRequest http, ClaimsPrincipal user, AuthorizedOutageCommands commands, CancellationToken ct) =>
                StepAsync(OutageAction.Restore, outageId, null, http, user, commands, ct))
            .WithName("RestoreOutageStep").WithSummary("Restores the outage: device closed, crew released, work order completed; policy may require a dispatched crew first (409).");
        steps.MapPost("/verify", (string outageId, HttpRequest http, ClaimsPrincipal user, AuthorizedOutageCommands commands, CancellationToken ct) =>
                StepAsync(OutageAction.Verify, outageId, null, http, user, commands, ct))
            .WithName("VerifyOutageStep").WithSummary("Verifies a restored outage (every meter back); before restoration it is 409.");
        return endpoints;
    }

    private static async Task<Results<Ok<OutageWorkflowResponse>, ProblemHttpResult>> GetWorkflowAsync(
        string outageId, OutageWorkflow workflow, CancellationToken cancellationToken)
    {
        try
        {
            if (await workflow.GetAsync(outageId, cancellationToken) is not { Stage: { } stage } outage)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown outage", detail: "No sustained outage has this id.");
            }

            return TypedResults.Ok(new OutageWorkflowResponse(
                outage,
                OutageLifecycle.Code(stage),
                [.. workflow.Lifecycle.Allowed(stage).Select(StepName)],
                await workflow.GetSectionsAsync(outageId, cancellationToken),
                await workflow.GetCriticalCareAsync(outageId, CriticalCareLimit, cancellationToken),
                await workflow.GetEventsAsync(outageId, cancellationToken)));
        }
        catch (FluxDataException ex)
        {
            return Unavailable("Outage not read", ex);
        }
    }

    private static async Task<Results<Ok<OutageStepResponse>, ProblemHttpResult>> StepAsync(
        OutageAction action, string outageId, string? transformerId, HttpRequest http, ClaimsPrincipal user, AuthorizedOutageCommands commands,
        CancellationToken cancellationToken)
    {
        // The body is optional and read here: a declared body would let routing pass a body-less POST to the /api
        // catch-all (404) instead of this endpoint. ApiRequestGuard has already refused bodies that are not JSON.
        OutageStepRequest? request;
        try
        {
            request = http.HasJsonContentType() ? await http.ReadFromJsonAsync<OutageStepRequest>(cancellationToken) : null;
        }
        catch (JsonException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed request body",
                detail: "The body must be a JSON object such as {\"crewId\": \"CREW-001\"}, {\"etr\": \"2026-11-20T18:30:00Z\", \"source\": \"crew\"}, or empty.");
        }

        EtrSource source;
        switch (request?.Source?.Trim().ToLowerInvariant())
        {
            case null or "" or "crew":
                source = EtrSource.Crew;
                break;
            case "estimate":
                source = EtrSource.Estimate;
                break;
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown ETR source", detail: "The source is \"crew\" or \"estimate\".");
        }

        var command = new OutageCommand(action, outageId)
        {
            CrewId = request?.CrewId,
            Etr = request?.Etr,
            EtrSource = source,
            TransformerId = transformerId,
            Comment = request?.Comment,
        };
        try
        {
            return await commands.ApplyAsync(user, command, cancellationToken) switch
            {
                null => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Your role may not do this."),
                { Outcome: OutageTransitionOutcome.Applied or OutageTransitionOutcome.AlreadyDone, Stage: { } stage } done =>
                    TypedResults.Ok(new OutageStepResponse(done.OutageId, OutageLifecycle.Code(stage), done.Outcome == OutageTransitionOutcome.Applied)),
                { Outcome: OutageTransitionOutcome.NotFound } missing =>
                    TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: missing.Message),
                { Outcome: OutageTransitionOutcome.Invalid } invalid =>
                    TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid step", detail: invalid.Message),
                var refused =>
                    TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Step refused", detail: refused.Message),
            };
        }
        catch (FluxDataException ex)
        {
            return Unavailable("Step not saved", ex);
        }
    }

    /// <summary>The step's name in the API's routes, for the steps an outage allows now.</summary>
    public static string StepName(OutageAction action) => action switch
    {
        OutageAction.Confirm => "confirm",
        OutageAction.Dispatch => "dispatch",
        OutageAction.SetEtr => "etr",
        OutageAction.RestoreSection => "restore-section",
        OutageAction.Restore => "restore",
        _ => "verify",
    };

    private static ProblemHttpResult Unavailable(string title, FluxDataException ex) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: title, detail: $"{ex.Source} source {ex.Kind}.");
}
