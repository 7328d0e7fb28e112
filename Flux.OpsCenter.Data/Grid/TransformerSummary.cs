namespace Flux.OpsCenter.Data.Grid;

/// <summary>A distribution transformer with its latest load, condition and customers; the risk score (the trained model's failure probability) is set where a query ranks risk.</summary>
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
    double? RiskScore)
{
    /// <summary>The risk category of <see cref="RiskScore"/> where the trained model scored it (LOW … CRITICAL).</summary>
    public string? RiskCategory { get; init; }

    /// <summary>The features that raised the model's probability most, strongest first; empty where no model scored it.</summary>
    public IReadOnlyList<string> RiskDrivers { get; init; } = [];
}
