-- grain: the current-hour load of every transformer behind one isolating device drops to zero
-- Parameters: load hour, circuit, device (matched against breaker, recloser, fuse and transformer ids).
UPDATE PRODUCTION.TRANSFORMER_HOURLY_LOAD
SET LOAD_KW = 0, LOAD_FACTOR_PCT = 0, THERMAL_STRESS_CATEGORY = 'LOW'
WHERE LOAD_HOUR = CAST(? AS TIMESTAMP)
  AND TRANSFORMER_ID IN (
      SELECT TRANSFORMER_ID FROM PRODUCTION.TRANSFORMER_METADATA
      WHERE CIRCUIT_ID = CAST(? AS VARCHAR)
        AND CAST(? AS VARCHAR) IN (BREAKER_ID, RECLOSER_ID, FUSE_ID, TRANSFORMER_ID))
