namespace Flux.OpsCenter.Data.Grid;

/// <summary>One transformer's stored failure probability (V_TRANSFORMER_ML_INFERENCE) with where it is and who it serves.</summary>
public sealed record TransformerRisk(
    string TransformerId,
    string TransformerName,
    string CircuitId,
    string SubstationId,
    double Latitude,
    double Longitude,
    long Customers,
    DateOnly PredictionDate,
    double FailureProbability,
    string RiskCategory,
    IReadOnlyList<string> Drivers,
    double? MorningLoadPct,
    double? AgeYears,
    double? HealthScore);
