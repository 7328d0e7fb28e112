namespace Flux.OpsCenter.Data.Analysis.Cascade;

/// <summary>One row of PRECOMPUTED_CASCADES; the JSON columns are null in list results.</summary>
public sealed record PrecomputedCascadeRow(
    string ScenarioId,
    string ScenarioName,
    string PatientZeroId,
    string? PatientZeroName,
    string SimulationParams,
    int TotalAffectedNodes,
    double AffectedCapacityMw,
    int CustomersAffected,
    int MaxDepth,
    DateTimeOffset ComputedAt,
    string? CascadeOrder = null,
    string? WaveBreakdown = null,
    string? NodeTypeBreakdown = null,
    string? PropagationPaths = null);
