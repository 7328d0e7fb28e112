-- grain: writes one trained model's held-out figures (run by the background training, not a read query)
INSERT INTO ML_DEMO.TRANSFORMER_RISK_MODEL_METRICS
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
