-- grain: the simulator's telemetry source row, created once at the data's own "now" so later steps only update it
-- Parameters: source id, scan time, source id.
INSERT INTO PRODUCTION.TELEMETRY_CLOCK (SOURCE_ID, LAST_SCAN_TIME)
SELECT CAST(? AS VARCHAR), CAST(? AS TIMESTAMP)
WHERE NOT EXISTS (SELECT 1 FROM PRODUCTION.TELEMETRY_CLOCK WHERE SOURCE_ID = CAST(? AS VARCHAR))
