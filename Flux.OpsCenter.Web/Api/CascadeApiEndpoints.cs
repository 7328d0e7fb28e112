using Flux.OpsCenter.Data.Analysis;
using Flux.OpsCenter.Data.Analysis.Cascade;

namespace Flux.OpsCenter.Web.Api;

/// <summary>The cascade API: simulate, presets, patient-zero candidates and precomputed scenarios. Bad input is a 400 problem.</summary>
public static class CascadeApiEndpoints
{
    public static IEndpointRouteBuilder MapCascadeApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api/cascade");
        api.MapPost("/simulate", SimulateAsync);
        api.MapGet("/scenarios", () => Results.Ok(CascadeScenario.Presets));
        api.MapGet("/candidates", async (CascadeService cascade, int? limit, CancellationToken cancellationToken) =>
            limit is < 1 or > 500
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["limit must be between 1 and 500."] })
                : Results.Ok(await cascade.GetCandidatesAsync(limit ?? 15, cancellationToken)));
        api.MapGet("/precomputed", async (CascadeService cascade, int? limit, CancellationToken cancellationToken) =>
            Results.Ok(new { status = cascade.Status, scenarios = await cascade.GetPrecomputedAsync(limit ?? 10, cancellationToken) }));
        api.MapGet("/precomputed/{id}", async (CascadeService cascade, string id, CancellationToken cancellationToken) =>
            await cascade.GetPrecomputedAsync(id, cancellationToken) is { } row ? Results.Ok(row) : Results.NotFound());
        return endpoints;
    }

    /// <summary>Resolves a request into parameters, or field errors keyed like the request's properties.</summary>
    public static (CascadeParameters? Parameters, string ScenarioName, Dictionary<string, string[]> Errors) Resolve(CascadeSimulationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var preset = request.Scenario is null ? CascadeScenario.Presets[^1] : CascadeScenario.Find(request.Scenario);
        if (preset is null)
        {
            errors["scenario"] = [$"Unknown scenario '{request.Scenario}'. Use one of {string.Join(", ", CascadeScenario.Presets.Select(p => p.Key))}."];
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

    private static async Task<IResult> SimulateAsync(CascadeService cascade, CascadeSimulationRequest request, CancellationToken cancellationToken)
    {
        var (parameters, name, errors) = Resolve(request);
        if (parameters is null)
        {
            return Results.ValidationProblem(errors);
        }

        if (request.PatientZeroId is not null && (await cascade.GetGraphAsync(cancellationToken)).IndexOf(request.PatientZeroId) < 0)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["patientZeroId"] = [$"Node '{request.PatientZeroId}' is not in the grid graph."] });
        }

        var result = await cascade.SimulateAsync(request.PatientZeroId, parameters, name, cancellationToken);
        return Results.Ok(new CascadeSimulationResponse(result, await cascade.AnalyseAsync(result, cancellationToken)));
    }
}
