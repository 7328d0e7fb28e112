-- grain: one row, the data's own "now" (latest telemetry scan, feeder-head load hour or outage event), so a stale file stays coherent
-- Aggregates cross-joined rather than scalar subqueries: every status view reads this, and DuckDB plans it in a third of
-- the time. The telemetry scan keeps "now" moving between events while a feed (or the simulator) is alive.
CREATE OR REPLACE VIEW APPLICATIONS.FLUX_DATA_CLOCK AS
SELECT GREATEST(
        COALESCE(l.LATEST_LOAD_HOUR, CAST('1970-01-01 00:00:00' AS TIMESTAMP)),
        COALESCE(o.LATEST_START, CAST('1970-01-01 00:00:00' AS TIMESTAMP)),
        COALESCE(o.LATEST_END, CAST('1970-01-01 00:00:00' AS TIMESTAMP)),
        COALESCE(t.LATEST_SCAN, CAST('1970-01-01 00:00:00' AS TIMESTAMP))
    ) AS AS_OF,
    l.LATEST_LOAD_HOUR
FROM (SELECT MAX(LOAD_HOUR) AS LATEST_LOAD_HOUR FROM PRODUCTION.FEEDER_HOURLY_LOAD) l
CROSS JOIN (
    SELECT MAX(OUTAGE_START_TIME) AS LATEST_START, MAX(OUTAGE_END_TIME) AS LATEST_END
    FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER
) o
CROSS JOIN (SELECT MAX(LAST_SCAN_TIME) AS LATEST_SCAN FROM PRODUCTION.TELEMETRY_CLOCK) t;
