using System.Text.Json;
using System.Text.Json.Serialization;
using Flux.OpsCenter.Data.Analysis.Network;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.OpsCenter.Web.Api;

/// <summary>
/// <c>POST /api/switching/study</c>: validates a switching plan step by step against the live topology without changing
/// anything (study mode). A malformed plan is a 400 with problem details; a step that must not run is reported as
/// refused in the 200 answer, with the reason, and the steps after it are not checked.
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
        return endpoints;
    }

    private static async Task<Results<JsonHttpResult<SwitchingStudyResponse>, ValidationProblem>> StudyAsync(
        SwitchingStudyRequest request, NetworkService network, CancellationToken cancellationToken)
    {
        var steps = request.Steps ?? [];
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
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

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid switching plan");
        }

        var validation = SwitchingStudy.Validate(await network.GetStateAsync(cancellationToken), parsed);
        return TypedResults.Json(new SwitchingStudyResponse(validation.All(v => v.Outcome is StepOutcome.Ok or StepOutcome.Warning), validation), Json);
    }
}
