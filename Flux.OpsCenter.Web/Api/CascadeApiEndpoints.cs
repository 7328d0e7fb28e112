using Flux.OpsCenter.Data.Analysis;
using Flux.OpsCenter.Data.Analysis.Cascade;
using Flux.OpsCenter.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flux.OpsCenter.Web.Api;

/// <summary>The cascade API: simulate, presets, patient-zero candidates and precomputed scenarios. Bad input is a 400 problem.</summary>
public static class CascadeApiEndpoints
{
    /// <summary>Most patient-zero candidates one request returns.</summary>
    public const int MaxCandidates = 500;

    /// <summary>Most precomputed scenarios one request lists.</summary>
    public const int MaxPrecomputed = 2_000;

    public static IEndpointRouteBuilder MapCascadeApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api/cascade").WithTags("Cascade");
        api.MapPost("/simulate", SimulateAsync).RequireRateLimiting(ApiRateLimits.Simulations)
            .WithName("SimulateCascade").WithSummary("Runs a cascade from patient zero (default: the riskiest candidate) under a preset with optional overrides, with its impact.")
            .Accepts<CascadeSimulationRequest>("application/json");
        api.MapGet("/scenarios", () => TypedResults.Ok(CascadeScenario.Presets))
            .WithName("GetCascadeScenarios").WithSummary("The scenario presets (temperature, load multiplier, failure threshold).");
        api.MapGet("/candidates", GetCandidatesAsync)
            .WithName("GetCascadeCandidates").WithSummary($"Patient-zero candidates, riskiest first; limit 1 to {MaxCandidates}, default 15.");
        api.MapGet("/precomputed", GetPrecomputedListAsync)
            .WithName("GetPrecomputedCascades").WithSummary($"The precompute job's status and its scenarios; limit 1 to {MaxPrecomputed}, default 10.");
        api.MapGet("/precomputed/{id}", GetPrecomputedAsync)
            .WithName("GetPrecomputedCascade").WithSummary("One precomputed scenario by id.");
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<CascadeCandidate>>, ValidationProblem>> GetCandidatesAsync(
        [AsParameters] LimitQuery query, CascadeService cascade, CancellationToken cancellationToken) =>
        query.TryResolve(15, MaxCandidates, out var limit, out var problem)
            ? TypedResults.Ok(await cascade.GetCandidatesAsync(limit, cancellationToken))
            : problem;

    private static async Task<Results<Ok<PrecomputedCascadeList>, ValidationProblem>> GetPrecomputedListAsync(
        [AsParameters] LimitQuery query, CascadeService cascade, CancellationToken cancellationToken) =>
        query.TryResolve(10, MaxPrecomputed, out var limit, out var problem)
            ? TypedResults.Ok(new PrecomputedCascadeList(cascade.Status, await cascade.GetPrecomputedAsync(limit, cancellationToken)))
            : problem;

    private static async Task<Results<Ok<PrecomputedCascadeRow>, ProblemHttpResult>> GetPrecomputedAsync(string id, CascadeService cascade, CancellationToken cancellationToken) =>
        await cascade.GetPrecomputedAsync(id, cancellationToken) is { } row
            ? TypedResults.Ok(row)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such precomputed scenario", detail: "See /api/cascade/precomputed for the ids.");

    /// <summary>Resolves a request into parameters, or field errors keyed like the request's properties.</summary>
    public static (CascadeParameters? Parameters, string ScenarioName, Dictionary<string, string[]> Errors) Resolve(CascadeSimulationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var preset = request.Scenario is null ? CascadeScenario.Presets[^1] : CascadeScenario.Find(request.Scenario);
        if (preset is null)
        {
            errors["scenario"] = [$"Unknown scenario '{Shorten(request.Scenario ?? "")}'. Use one of {string.Join(", ", CascadeScenario.Presets.Select(p => p.Key))}."];
            return (null, "", errors);
        }

        var parameters = new CascadeParameters(
            request.TemperatureC ?? preset.TemperatureC, request.LoadMultiplier ?? preset.LoadMultiplier,
            request.FailureThreshold ?? preset.FailureThreshold, request.Seed ?? CascadeParameters.DefaultSeed);
        foreach (var (key, value) in parameters.Validate())
        {
            errors[key] = value;
        }

        var custom = request.TemperatureC is not null || request.LoadMultiplier is not null || request.FailureThreshold is not null;
        return (errors.Count == 0 ? parameters : null, custom ? $"{preset.Name} (custom)" : preset.Name, errors);
    }

    private static async Task<Results<Ok<CascadeSimulationResponse>, ValidationProblem>> SimulateAsync(
        CascadeService cascade, CascadeSimulationRequest request, CancellationToken cancellationToken)
    {
        var (parameters, name, errors) = Resolve(request);
        if (parameters is null)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid cascade request");
        }

        if (request.PatientZeroId is not null && (await cascade.GetGraphAsync(cancellationToken)).IndexOf(request.PatientZeroId) < 0)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["patientZeroId"] = [$"Node '{Shorten(request.PatientZeroId)}' is not in the grid graph."] }, title: "Invalid cascade request");
        }

        var result = await cascade.SimulateAsync(request.PatientZeroId, parameters, name, cancellationToken);
        return TypedResults.Ok(new CascadeSimulationResponse(result, await cascade.AnalyseAsync(result, cancellationToken)));
    }

    // An unknown id or scenario is echoed back to say what was wrong, but a 100 KB one is not sent back in full.
    private static string Shorten(string text) => text.Length <= 64 ? text : $"{text[..64]}…";
}
