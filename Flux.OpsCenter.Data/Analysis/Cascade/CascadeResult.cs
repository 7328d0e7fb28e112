using Flux.OpsCenter.Data.Analysis.Graph;

namespace Flux.OpsCenter.Data.Analysis.Cascade;

/// <summary>
/// The outcome of one simulation. <see cref="Nodes"/> holds every failed node and every de-energised feeder with its
/// wave and position (what the map animates); totals count every node without supply, the lost load (MW of demand left
/// unserved after tie transfers, never more than <see cref="ServedLoadMw"/>, the demand the system serves under the
/// scenario) and the real customers behind the de-energised meters.
/// </summary>
public sealed record CascadeResult(
    string ScenarioName,
    CascadeParameters Parameters,
    GridNodeInfo PatientZero,
    IReadOnlyList<CascadeFailure> Nodes,
    IReadOnlyList<CascadeWave> Waves,
    IReadOnlyList<TieTransfer> Transfers,
    int FailedNodes,
    int AffectedNodes,
    double LostLoadMw,
    double ServedLoadMw,
    int CustomersAffected,
    int MaxDepth,
    DateTimeOffset SimulatedAt);
