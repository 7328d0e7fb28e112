namespace Flux.OpsCenter.Data.Analysis.TransformerRisk;

/// <summary>One transformer-day of ML_DEMO.T_TRANSFORMER_TEMPORAL_TRAINING: the morning's features and the afternoon's outcome.</summary>
public sealed record TransformerDay(
    string TransformerId,
    DateOnly Date,
    double MorningLoadPct,
    double MorningHotSpotC,
    double AgeYears,
    double HealthScore,
    double RatedKva,
    double ForecastHighC,
    double ForecastLowC,
    double ForecastGustMph,
    double MorningTemperatureC,
    string CustomerClass,
    bool HighRisk);
