-- grain: one row per scored transformer: the trained model's failure probability for its latest transformer-day, its risk category and top drivers
-- The probability is stored by whatever trained the model (ML_DEMO.TRANSFORMER_RISK_SCORES); this view adds the day's
-- features for display and the one rule for risk categories.
CREATE OR REPLACE VIEW ML_DEMO.V_TRANSFORMER_ML_INFERENCE AS
SELECT
    s.TRANSFORMER_ID,
    s.PREDICTION_DATE,
    d.MORNING_LOAD_PCT,
    d.MORNING_HOT_SPOT_C,
    d.TRANSFORMER_AGE_YEARS,
    d.HEALTH_SCORE,
    d.FORECAST_HIGH_C,
    s.FAILURE_PROBABILITY,
    CASE
        WHEN s.FAILURE_PROBABILITY >= 0.6 THEN 'CRITICAL'
        WHEN s.FAILURE_PROBABILITY >= 0.3 THEN 'HIGH'
        WHEN s.FAILURE_PROBABILITY >= 0.1 THEN 'MEDIUM'
        ELSE 'LOW'
    END AS RISK_CATEGORY,
    s.TOP_DRIVER,
    s.SECOND_DRIVER,
    s.THIRD_DRIVER,
    s.MODEL_VERSION,
    s.SCORED_AT
FROM ML_DEMO.TRANSFORMER_RISK_SCORES s
LEFT JOIN ML_DEMO.T_TRANSFORMER_TEMPORAL_TRAINING d
  ON d.TRANSFORMER_ID = s.TRANSFORMER_ID AND d.PREDICTION_DATE = s.PREDICTION_DATE;
