using Flux.OpsCenter.Data.Synthetic;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Data.Analysis.TransformerRisk;

public sealed class TransformerRiskTablesTests
{
    private static string Territory => TestTerritory.TemplatePath;

    [Fact]
    public void The_inference_view_has_one_row_per_transformer()
    {
        var transformers = ViewQueries.Long(Territory, "SELECT COUNT(*) FROM PRODUCTION.TRANSFORMER_METADATA");

        Assert.Equal(transformers, ViewQueries.Long(Territory, "SELECT COUNT(*) FROM ML_DEMO.V_TRANSFORMER_ML_INFERENCE"));
        Assert.Equal(transformers, ViewQueries.Long(Territory, "SELECT COUNT(DISTINCT TRANSFORMER_ID) FROM ML_DEMO.V_TRANSFORMER_ML_INFERENCE"));
        Assert.Equal(0, ViewQueries.Long(Territory, """
            SELECT COUNT(*) FROM ML_DEMO.V_TRANSFORMER_ML_INFERENCE
            WHERE FAILURE_PROBABILITY NOT BETWEEN 0 AND 1 OR MORNING_LOAD_PCT IS NULL OR RISK_CATEGORY IS NULL
            """));
    }

    [Fact]
    public void Training_days_hold_every_transformer_each_whole_day_with_both_outcomes()
    {
        var transformers = ViewQueries.Long(Territory, "SELECT COUNT(*) FROM PRODUCTION.TRANSFORMER_METADATA");
        var days = ViewQueries.Long(Territory, "SELECT COUNT(DISTINCT PREDICTION_DATE) FROM ML_DEMO.T_TRANSFORMER_TEMPORAL_TRAINING");

        // Fourteen telemetry days hold at least twelve whole local days (08:00 and the eight afternoon hours).
        Assert.InRange(days, TerritoryGenerator.TelemetryDays - 2, TerritoryGenerator.TelemetryDays);
        Assert.Equal(transformers * days, ViewQueries.Long(Territory, "SELECT COUNT(*) FROM ML_DEMO.T_TRANSFORMER_TEMPORAL_TRAINING"));
        var share = ViewQueries.Double(Territory, "SELECT AVG(TARGET_HIGH_RISK) FROM ML_DEMO.T_TRANSFORMER_TEMPORAL_TRAINING");
        // A mild November fortnight: few afternoons reach HIGH stress, but some do.
        Assert.InRange(share, 0.0005, 0.5);
        // The label is the afternoon's stored outcome, never a draw: high-risk exactly when it failed or reached HIGH stress.
        Assert.Equal(0, ViewQueries.Long(Territory, """
            SELECT COUNT(*) FROM ML_DEMO.T_TRANSFORMER_TEMPORAL_TRAINING
            WHERE TARGET_HIGH_RISK <> CASE WHEN AFTERNOON_FAILED = 1 OR AFTERNOON_CATEGORY IN ('HIGH', 'CRITICAL') THEN 1 ELSE 0 END
            """));
    }

    [Fact]
    public void A_failure_in_the_training_days_is_a_transformer_outage_of_the_history()
    {
        // Every failed day has its outage, and every transformer outage starting after a morning reading is a failed day.
        Assert.Equal(0, ViewQueries.Long(Territory, """
            SELECT COUNT(*) FROM ML_DEMO.T_TRANSFORMER_TEMPORAL_TRAINING d
            WHERE d.AFTERNOON_FAILED = 1 AND NOT EXISTS (
                SELECT 1 FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER o
                WHERE o.DEVICE_TYPE = 'TRANSFORMER' AND o.DEVICE_ID = d.TRANSFORMER_ID
                  AND o.OUTAGE_START_TIME >= d.MORNING_TIMESTAMP AND o.OUTAGE_START_TIME < CAST(d.PREDICTION_DATE AS TIMESTAMP) + INTERVAL '30 hours')
            """));
    }

    [Fact]
    public void Transformer_failures_fall_on_stressed_old_and_worn_units()
    {
        // Over seven years of history, units in the worst condition and age band fail far more often than the rest.
        var ratio = ViewQueries.Double(Territory, """
            WITH units AS (
                SELECT t.TRANSFORMER_ID, t.AGE_YEARS >= 30 AND t.HEALTH_SCORE < 65 AS WORN,
                       (SELECT COUNT(*) FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER o
                        WHERE o.DEVICE_TYPE = 'TRANSFORMER' AND o.DEVICE_ID = t.TRANSFORMER_ID AND o.CAUSE NOT IN ('HURRICANE', 'WEATHER')) AS FAILURES
                FROM PRODUCTION.TRANSFORMER_METADATA t
            )
            SELECT AVG(CASE WHEN WORN THEN FAILURES END) / AVG(CASE WHEN NOT WORN THEN FAILURES END) FROM units
            """);
        Assert.True(ratio > 2, $"worn units fail {ratio:0.00}x as often as the rest");
    }

    [Fact]
    public void The_hazard_uses_the_load_model_hot_spot_rule()
    {
        // GenerateTransformerLoad.sql writes the hot spot; the failure hazard computes it in C#: the two must agree.
        // An hour an outage cut short keeps its demand's hot spot with less load, so a few rows may differ; the rest agree.
        var agreeing = ViewQueries.Double(Territory, """
            SELECT AVG(CASE WHEN ABS(MORNING_HOT_SPOT_C - (TEMPERATURE_C + 15 + 50 * (MORNING_KWH / RATED_KVA) * (MORNING_KWH / RATED_KVA))) <= 0.2 THEN 1.0 ELSE 0.0 END)
            FROM ML_DEMO.T_TRANSFORMER_TEMPORAL_TRAINING
            """);
        Assert.True(agreeing > 0.99, $"{agreeing:P2} of mornings agree with ambient + 15 + 50 K²");
        Assert.Equal(100.0, TransformerFailureHazard.HotSpotC(35, 1.0), 9);
        Assert.Equal(1.0, TransformerFailureHazard.AgingAcceleration(TransformerFailureHazard.ReferenceHotSpotC), 9);
    }
}
