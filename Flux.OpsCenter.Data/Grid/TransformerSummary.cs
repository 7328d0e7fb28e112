namespace Flux.OpsCenter.Data.Grid;

/// <summary>A distribution transformer with its latest load, condition and customers; the risk score is set where a query ranks risk.</summary>
public sealed record TransformerSummary(
    string TransformerId,
    string TransformerName,
    string CircuitId,
    string SubstationId,
    double RatedKva,
    double LoadKw,
    double? LoadPct,
    double? HealthScore,
    long AgeYears,
    long Customers,
    string Status,
    double? RiskScore);
