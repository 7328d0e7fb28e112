-- grain: one row, how many transformers hold a stored risk score (0 until the background training has run)
SELECT COUNT(*) AS SCORED FROM ML_DEMO.TRANSFORMER_RISK_SCORES
