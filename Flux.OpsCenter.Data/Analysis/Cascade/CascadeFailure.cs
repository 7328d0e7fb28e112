using Flux.OpsCenter.Data.Analysis.Graph;

namespace Flux.OpsCenter.Data.Analysis.Cascade;

/// <summary>
/// One node that failed or lost supply in a cascade: wave (0 = patient zero), the failed node that triggered it,
/// the cause (INITIAL, OVERLOAD, STRESS, DE_ENERGIZED), its loading as a fraction of temperature-adjusted capacity
/// when it failed, and the customers left without supply under it at the end.
/// </summary>
public sealed record CascadeFailure(
    string NodeId,
    GridNodeType NodeType,
    string? Name,
    double Latitude,
    double Longitude,
    int Wave,
    string? TriggeredBy,
    string Cause,
    double Loading,
    double CapacityKw,
    int CustomersOut);
