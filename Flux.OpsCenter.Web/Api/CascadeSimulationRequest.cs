namespace Flux.OpsCenter.Web.Api;

/// <summary>Body of POST /api/cascade/simulate: a preset (optional), patient zero (optional: riskiest candidate) and overrides.</summary>
public sealed record CascadeSimulationRequest(
    string? Scenario = null,
    string? PatientZeroId = null,
    double? TemperatureC = null,
    double? LoadMultiplier = null,
    double? FailureThreshold = null,
    int? Seed = null);
