-- grain: one row per alarm an operator may still have to see: active now, or raised or returned to normal in the 24 hours before AS_OF
-- An alarm stays while it is active, acknowledged or not (ISA-18.2: acknowledged alarms stay until they return to
-- normal); once returned it stays a day for the returned-unacknowledged list and the shift's history. Suppressed by
-- design: an outage alarm downstream of a feeder lockout that is active too (the lockout says it all).
CREATE OR REPLACE VIEW APPLICATIONS.GRID_ALARMS AS
WITH clock AS (
    SELECT AS_OF FROM APPLICATIONS.FLUX_DATA_CLOCK
),
-- Two reads of the history, each with a bound on RAISED_AT that the engine pushes into the table scans (an OR of the
-- three conditions would compute the whole history every poll): everything raised in the last day, and outage alarms
-- raised up to 30 days earlier that are still active or returned within the day. Overloads last an hour.
recent AS (
    SELECT h.*
    FROM APPLICATIONS.ALARM_HISTORY h
    WHERE h.RAISED_AT > (SELECT AS_OF FROM clock) - INTERVAL '24 hours'
    UNION ALL
    SELECT h.*
    FROM APPLICATIONS.ALARM_HISTORY h
    WHERE h.ALARM_TYPE <> 'OVERLOAD'
      AND h.RAISED_AT > (SELECT AS_OF FROM clock) - INTERVAL '30 days'
      AND h.RAISED_AT <= (SELECT AS_OF FROM clock) - INTERVAL '24 hours'
      AND (h.RETURNED_AT IS NULL OR h.RETURNED_AT > (SELECT AS_OF FROM clock) - INTERVAL '24 hours')
),
locked_out AS (
    SELECT DISTINCT CIRCUIT_ID FROM recent WHERE ALARM_TYPE = 'LOCKOUT' AND RETURNED_AT IS NULL
)
SELECT
    r.ALARM_ID,
    r.ALARM_TYPE,
    r.PRIORITY,
    r.PRIORITY_RANK,
    r.RAISED_AT,
    r.RETURNED_AT,
    r.CIRCUIT_ID,
    r.SUBSTATION_ID,
    r.OPERATOR_POSITION,
    r.SUBJECT_ID,
    r.OUTAGE_ID,
    r.CUSTOMERS_AFFECTED,
    r.CRITICAL_CARE_CUSTOMERS,
    r.MESSAGE,
    CASE WHEN r.RETURNED_AT IS NULL THEN TRUE ELSE FALSE END AS IS_ACTIVE,
    CASE WHEN r.RETURNED_AT IS NULL AND r.ALARM_TYPE = 'OUTAGE' AND x.CIRCUIT_ID IS NOT NULL THEN TRUE ELSE FALSE END AS IS_SUPPRESSED,
    a.ACKNOWLEDGED_BY,
    a.ACKNOWLEDGED_AT,
    a.COMMENT AS ACKNOWLEDGEMENT_COMMENT
FROM recent r
LEFT JOIN locked_out x ON x.CIRCUIT_ID = r.CIRCUIT_ID
LEFT JOIN APPLICATIONS.ALARM_ACKNOWLEDGEMENTS a ON a.ALARM_ID = r.ALARM_ID;
