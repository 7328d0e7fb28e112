using Flux.OpsCenter.Data.Grid;

namespace Flux.OpsCenter.Data.Queries;

/// <summary>Reads the stored transformer-risk scores (V_TRANSFORMER_ML_INFERENCE) and the model's figures, one method per query file.</summary>
public sealed class TransformerRiskQueries(ISqlSource source)
{
    public Task<IReadOnlyList<TransformerRisk>> GetFleetTransformerRiskAsync(int limit, CancellationToken cancellationToken) =>
        source.QueryAsync(QueryCatalog.Request("GetFleetTransformerRisk", Math.Clamp(limit, 1, GridQueries.MaxRows)), r => new TransformerRisk(
            r.GetString("TRANSFORMER_ID"),
            r.GetString("TRANSFORMER_NAME"),
            r.GetString("CIRCUIT_ID"),
            r.GetString("SUBSTATION_ID"),
            r.GetDouble("LATITUDE"),
            r.GetDouble("LONGITUDE"),
            r.GetInt64("CUSTOMERS"),
            DateOnly.FromDateTime(r.GetTimestamp("PREDICTION_DATE").UtcDateTime),
            r.GetDouble("FAILURE_PROBABILITY"),
            r.GetString("RISK_CATEGORY"),
            RowMappers.RiskDrivers(r),
            r.GetNullableDouble("MORNING_LOAD_PCT"),
            r.GetNullableDouble("TRANSFORMER_AGE_YEARS"),
            r.GetNullableDouble("HEALTH_SCORE")), cancellationToken);

    /// <summary>The latest model's held-out figures, or null before the first training has stored any.</summary>
    public async Task<TransformerRiskModelSummary?> GetTransformerRiskModelAsync(CancellationToken cancellationToken) =>
        (await source.QueryAsync(QueryCatalog.Request("GetTransformerRiskModel"), r => new TransformerRiskModelSummary(
            r.GetString("MODEL_VERSION"),
            r.GetTimestamp("TRAINED_AT"),
            r.GetInt64("TRAIN_ROWS"),
            r.GetInt64("HELD_OUT_ROWS"),
            r.GetInt64("HELD_OUT_POSITIVES"),
            DateOnly.FromDateTime(r.GetTimestamp("HELD_OUT_FROM").UtcDateTime),
            r.GetDouble("MODEL_AUC"),
            r.GetDouble("MODEL_BRIER"),
            r.GetDouble("BASELINE_AUC"),
            r.GetDouble("BASELINE_BRIER")), cancellationToken)).SingleOrDefault();

    /// <summary>The transformers above LOW risk inside a box, riskiest first, at most <paramref name="limit"/>.</summary>
    public Task<IReadOnlyList<TransformerRiskPoint>> GetTransformerRiskInBoxAsync(GeoBox box, int limit, CancellationToken cancellationToken) =>
        source.QueryAsync(QueryCatalog.Request("GetTransformerRiskInBox", box.MinLat, box.MaxLat, box.MinLon, box.MaxLon, Math.Clamp(limit, 1, 20_000)),
            r => new TransformerRiskPoint(
                r.GetString("TRANSFORMER_ID"),
                r.GetDouble("LATITUDE"),
                r.GetDouble("LONGITUDE"),
                r.GetDouble("FAILURE_PROBABILITY"),
                r.GetString("RISK_CATEGORY"),
                r.GetString("TOP_DRIVER")), cancellationToken);

    /// <summary>How many scored transformers of each risk category lie inside a box.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountTransformerRiskInBoxAsync(GeoBox box, CancellationToken cancellationToken) =>
        (await source.QueryAsync(QueryCatalog.Request("CountTransformerRiskInBox", box.MinLat, box.MaxLat, box.MinLon, box.MaxLon),
            r => KeyValuePair.Create(r.GetString("RISK_CATEGORY"), r.GetInt64("TRANSFORMERS")), cancellationToken))
        .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
