namespace Flux.OpsCenter.Data.Analysis.Cascade;

/// <summary>
/// One row of PRECOMPUTED_CASCADES; the JSON columns are null in list results. <see cref="LostLoadMw"/> is the column the
/// original schema calls AFFECTED_CAPACITY_MW: the MW of demand left unserved, not a capacity.
/// </summary>
public sealed record PrecomputedCascadeRow(
    string ScenarioId,
    string ScenarioName,
    string PatientZeroId,
    string? PatientZeroName,
    string SimulationParams,
    int TotalAffectedNodes,
    double LostLoadMw,
    int CustomersAffected,
    int MaxDepth,
    DateTimeOffset ComputedAt,
    string? CascadeOrder = null,
    string? WaveBreakdown = null,
    string? NodeTypeBreakdown = null,
    string? PropagationPaths = null);
