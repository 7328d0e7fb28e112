-- grain: one row per feeder and hour in [from, to), the sum of its transformers' load (what the breaker's SCADA meter reads)
-- Parameters: first hour (inclusive), end hour (exclusive).
INSERT INTO PRODUCTION.FEEDER_HOURLY_LOAD
SELECT t.CIRCUIT_ID, t.SUBSTATION_ID, l.LOAD_HOUR, ROUND(SUM(l.LOAD_KW), 2)
FROM PRODUCTION.TRANSFORMER_HOURLY_LOAD l
JOIN PRODUCTION.TRANSFORMER_METADATA t ON t.TRANSFORMER_ID = l.TRANSFORMER_ID
WHERE l.LOAD_HOUR >= ? AND l.LOAD_HOUR < ?
GROUP BY t.CIRCUIT_ID, t.SUBSTATION_ID, l.LOAD_HOUR
ORDER BY l.LOAD_HOUR, t.CIRCUIT_ID;
