-- grain: the simulator's telemetry source row, moved to the simulated "now" after every step
-- Parameters: scan time, source id.
UPDATE PRODUCTION.TELEMETRY_CLOCK SET LAST_SCAN_TIME = CAST(? AS TIMESTAMP) WHERE SOURCE_ID = CAST(? AS VARCHAR)
