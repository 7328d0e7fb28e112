using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Analysis.Network;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.OpsCenter.Web.Api;

/// <summary>
/// Switching: <c>POST /api/switching/study</c> validates a plan step by step against the live topology without changing
/// anything; <c>/api/switching/plans</c> saves, lists and runs plans (writes need the Operate policy). A malformed plan
/// is a 400 with problem details naming the field; a plan whose step cannot run is a 400 naming the step and why; a
/// device another open plan holds, a plan that is not open, or a step out of order is a 409; a step that fails while a
/// plan runs is a 409 that says which steps stayed applied.
/// </summary>
public static class SwitchingEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public static IEndpointRouteBuilder MapSwitchingApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/api/switching/study", StudyAsync)
            .WithName("StudySwitchingPlan")
            .WithSummary("Validates a switching plan's steps in order against the live topology, changing nothing");
        endpoints.MapGet("/api/switching/flisr", FlisrAsync)
            .WithName("ProposeFlisr")
            .WithSummary("FLISR manual mode: isolate-and-restore steps for an active outage (?outage=…, optional &faulted=device heading the faulted section), each validated, to save as a plan");
        endpoints.MapGet("/api/switching/plans", ListAsync)
            .WithName("ListSwitchingPlans")
            .WithSummary("The saved switching plans, newest first, with their status and steps done");
        endpoints.MapGet("/api/switching/plans/{planId}", GetAsync)
            .WithName("GetSwitchingPlan")
            .WithSummary("One switching plan with its steps: who ran each, when, and the result");
        endpoints.MapPost("/api/switching/plans", SaveAsync)
            .RequireAuthorization(OpsCenterPolicies.Operate)
            .WithName("SaveSwitchingPlan")
            .WithSummary("Saves a switching plan {\"name\", \"steps\": [{\"device\", \"action\": \"open|close\"}]} whose every step can run now and whose devices no open plan holds");
        endpoints.MapPost("/api/switching/plans/{planId}/execute", (string planId, ClaimsPrincipal user, AuthorizedSwitching switching, GridQueries queries, CancellationToken ct) =>
                RunAsync(planId, null, user, switching, queries, ct))
            .RequireAuthorization(OpsCenterPolicies.Operate)
            .WithName("RunSwitchingPlan")
            .WithSummary("Runs a plan's pending steps in order (embedded mode), each checked against the live topology and audited");
        endpoints.MapPost("/api/switching/plans/{planId}/steps/{step:int}/execute", (string planId, int step, ClaimsPrincipal user, AuthorizedSwitching switching, GridQueries queries, CancellationToken ct) =>
                RunAsync(planId, step, user, switching, queries, ct))
            .RequireAuthorization(OpsCenterPolicies.Operate)
            .WithName("RunSwitchingPlanStep")
            .WithSummary("Runs one step of a plan (embedded mode) when it is the next pending one");
        endpoints.MapPost("/api/switching/plans/{planId}/cancel", CancelAsync)
            .RequireAuthorization(OpsCenterPolicies.Operate)
            .WithName("CancelSwitchingPlan")
            .WithSummary("Cancels a plan that has not finished, releasing its devices");
        return endpoints;
    }

    /// <summary>Parses a client's steps, adding each malformed field to <paramref name="errors"/>.</summary>
    internal static List<SwitchingStep> ParseSteps(IReadOnlyList<SwitchingStudyStep>? steps, Dictionary<string, string[]> errors)
    {
        steps ??= [];
        if (steps.Count is 0 or > SwitchingStudy.MaxSteps)
        {
            errors["steps"] = [$"A plan holds 1 to {SwitchingStudy.MaxSteps} steps."];
        }

        var parsed = new List<SwitchingStep>(steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            var action = steps[i].Action?.Trim().ToUpperInvariant() switch
            {
                "OPEN" => SwitchingAction.Open,
                "CLOSE" => SwitchingAction.Close,
                _ => (SwitchingAction?)null,
            };
            if (string.IsNullOrWhiteSpace(steps[i].Device) || steps[i].Device!.Length > 64)
            {
                errors[$"steps[{i}].device"] = ["device must name a switching device id (at most 64 characters)."];
            }

            if (action is null)
            {
                errors[$"steps[{i}].action"] = ["action must be open or close."];
            }
            else if (steps[i].Device is { } device)
            {
                parsed.Add(new SwitchingStep(device, action.Value));
            }
        }

        return parsed;
    }

    private static async Task<Results<JsonHttpResult<SwitchingStudyResponse>, ValidationProblem>> StudyAsync(
        SwitchingStudyRequest request, NetworkService network, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var parsed = ParseSteps(request.Steps, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid switching plan");
        }

        var validation = SwitchingStudy.Validate(await network.GetStateAsync(cancellationToken), parsed);
        return TypedResults.Json(new SwitchingStudyResponse(validation.All(v => v.Outcome is StepOutcome.Ok or StepOutcome.Warning), validation), Json);
    }

    private static async Task<Results<JsonHttpResult<FlisrProposal>, ProblemHttpResult>> FlisrAsync(
        string? outage, string? faulted, SwitchingPlanService plans, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(outage) || outage.Length > 64 || faulted is { Length: > 64 })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid FLISR request",
                detail: "outage must name an active outage id; faulted, when given, a switching device id (at most 64 characters each).");
        }

        var (proposal, problem) = await plans.ProposeFlisrAsync(outage, faulted, cancellationToken);
        return proposal is not null
            ? TypedResults.Json(proposal, Json)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Nothing to restore", detail: problem);
    }

    private static async Task<JsonHttpResult<IReadOnlyList<SwitchingPlanSummary>>> ListAsync(SwitchingPlanService plans, CancellationToken cancellationToken) =>
        TypedResults.Json(await plans.ListAsync(cancellationToken), Json);

    private static async Task<Results<JsonHttpResult<SwitchingPlan>, ProblemHttpResult>> GetAsync(string planId, SwitchingPlanService plans, CancellationToken cancellationToken) =>
        await plans.GetAsync(planId, cancellationToken) is { } plan ? TypedResults.Json(plan, Json) : UnknownPlan(planId);

    private static async Task<Results<JsonHttpResult<SwitchingPlanCreatedResponse>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        HttpRequest http, ClaimsPrincipal user, AuthorizedSwitching switching, CancellationToken cancellationToken)
    {
        // Read here rather than declared, so a body-less POST is a 400 and not the /api catch-all's 404.
        SwitchingPlanRequest? request;
        try
        {
            request = http.HasJsonContentType() ? await http.ReadFromJsonAsync<SwitchingPlanRequest>(cancellationToken) : null;
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed request body",
                detail: "The body must be a JSON object such as {\"name\": \"Transfer\", \"steps\": [{\"device\": \"SEC-001-01\", \"action\": \"open\"}]}.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > SwitchingPlanService.MaxNameLength)
        {
            errors["name"] = [$"name is required (at most {SwitchingPlanService.MaxNameLength} characters)."];
        }

        var steps = ParseSteps(request.Steps, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid switching plan");
        }

        var saved = await switching.SaveAsync(user, request.Name!, steps, cancellationToken);
        if (saved is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Your role may not do this.");
        }

        if (saved.HeldDeviceId is { } held)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Device held by another plan",
                detail: $"{held} is held by open plan {saved.HoldingPlanId}; run or cancel that plan first.",
                extensions: new Dictionary<string, object?> { ["deviceId"] = held, ["holdingPlanId"] = saved.HoldingPlanId });
        }

        if (!saved.Saved)
        {
            var refused = saved.Validation.Where(v => v.Outcome is StepOutcome.Refused).ToList();
            return TypedResults.ValidationProblem(
                refused.ToDictionary(v => $"steps[{v.Step - 1}]", v => v.Messages.ToArray(), StringComparer.Ordinal),
                title: "A step cannot run against the live topology",
                detail: string.Join(' ', refused.Select(v => $"Step {v.Step}: {string.Join(' ', v.Messages)}")));
        }

        return TypedResults.Json(new SwitchingPlanCreatedResponse(saved.PlanId!, saved.Validation), Json, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<Results<JsonHttpResult<SwitchingPlanRunResponse>, ProblemHttpResult>> RunAsync(
        string planId, int? step, ClaimsPrincipal user, AuthorizedSwitching switching, GridQueries queries, CancellationToken cancellationToken)
    {
        if (queries.SourceKind != DataSourceKind.Embedded)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Plans run in embedded mode only",
                detail: "Against Snowflake the utility's SCADA operates devices; plans are studied and saved here, not run.");
        }

        var (allowed, result) = await switching.RunAsync(user, planId, step, cancellationToken);
        if (!allowed)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Your role may not do this.");
        }

        if (result is null)
        {
            return UnknownPlan(planId);
        }

        var response = new SwitchingPlanRunResponse(result.Succeeded, result.Message, result.Applied, result.Failed, result.Plan);
        return result.Succeeded
            ? TypedResults.Json(response, Json)
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: result.Refusal is null ? "A step failed; the steps before it stay applied" : "The plan cannot run",
                detail: result.Message,
                extensions: new Dictionary<string, object?>
                {
                    ["appliedSteps"] = result.Applied.Select(a => a.Step).ToArray(),
                    ["failedStep"] = result.Failed?.Step,
                    ["planStatus"] = result.Plan.Summary.Status,
                });
    }

    private static async Task<Results<Ok, ProblemHttpResult>> CancelAsync(string planId, ClaimsPrincipal user, AuthorizedSwitching switching, SwitchingPlanService plans, CancellationToken cancellationToken)
    {
        if (await plans.GetAsync(planId, cancellationToken) is null)
        {
            return UnknownPlan(planId);
        }

        return await switching.CancelAsync(user, planId, cancellationToken) switch
        {
            true => TypedResults.Ok(),
            false => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The plan is not open", detail: $"Plan {planId} has finished or was cancelled."),
            null => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Your role may not do this."),
        };
    }

    private static ProblemHttpResult UnknownPlan(string planId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown switching plan", detail: $"No switching plan has the id '{planId}'.");
}
