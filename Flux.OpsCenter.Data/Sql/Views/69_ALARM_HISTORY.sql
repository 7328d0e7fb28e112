-- grain: one row per alarm activation over the whole history (each sustained outage, each feeder-hour at or above rating), with its priority
-- The one priority rule (ISA-18.2 / IEC 62682 rationalisation: consequence and time to respond). HIGH: a feeder lockout
-- with two or more critical-care (life-support) customers, or any device with five or more; MEDIUM: a lockout of a
-- breaker or recloser (nothing recloses it), two or more critical-care customers, 100 or more customers, or a feeder at
-- 110 % of rating; LOW: the rest. On the generated territories this annunciates about 80/15/5 low/medium/high.
-- Critical-care customers are today's behind the device (PRODUCTION.DEVICE_CRITICAL_CARE).
-- The operator position is the substation's region: one desk per region.
CREATE OR REPLACE VIEW APPLICATIONS.ALARM_HISTORY AS
WITH clock AS (
    SELECT LATEST_LOAD_HOUR FROM APPLICATIONS.FLUX_DATA_CLOCK
),
raised AS (
    SELECT
        'NEW-' || o.OUTAGE_ID AS ALARM_ID,
        CASE WHEN o.DEVICE_TYPE = 'BREAKER' THEN 'LOCKOUT' ELSE 'OUTAGE' END AS ALARM_TYPE,
        o.DEVICE_TYPE,
        o.OUTAGE_START_TIME AS RAISED_AT,
        o.OUTAGE_END_TIME AS RETURNED_AT,
        o.CIRCUIT_ID,
        o.SUBSTATION_ID,
        o.DEVICE_ID AS SUBJECT_ID,
        o.OUTAGE_ID,
        o.CUSTOMERS_AFFECTED,
        COALESCE(cc.CRITICAL_CARE_CUSTOMERS, 0) AS CRITICAL_CARE_CUSTOMERS,
        CAST(NULL AS DOUBLE) AS LOAD_PERCENT,
        o.DEVICE_TYPE || ' ' || o.DEVICE_ID || ' open: ' || CAST(o.CUSTOMERS_AFFECTED AS VARCHAR) || ' customers out (' || o.CAUSE || ')' AS MESSAGE
    FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER o
    LEFT JOIN PRODUCTION.DEVICE_CRITICAL_CARE cc ON cc.DEVICE_ID = o.DEVICE_ID
    WHERE o.IS_MOMENTARY = FALSE
      -- A section restored before its outage is kept as its own closed event for IEEE 1366 (OutageWorkflow names it
      -- SEC-{outage}-{transformer}); its alarm is the outage's own, so it raises none of its own.
      AND o.OUTAGE_ID NOT LIKE 'SEC-%'
    UNION ALL
    SELECT
        'OVL-' || f.CIRCUIT_ID || '-' || CAST(CAST(EXTRACT(EPOCH FROM l.LOAD_HOUR) AS BIGINT) AS VARCHAR),
        'OVERLOAD',
        'FEEDER',
        l.LOAD_HOUR,
        CASE WHEN l.LOAD_HOUR = (SELECT LATEST_LOAD_HOUR FROM clock) THEN CAST(NULL AS TIMESTAMP) ELSE l.LOAD_HOUR + INTERVAL '1 hour' END,
        f.CIRCUIT_ID,
        f.SUBSTATION_ID,
        f.CIRCUIT_ID,
        CAST(NULL AS VARCHAR),
        0,
        0,
        100.0 * l.LOAD_KW / f.CAPACITY_KVA,
        'Feeder ' || f.CIRCUIT_ID || ' at ' || CAST(CAST(ROUND(100.0 * l.LOAD_KW / f.CAPACITY_KVA, 0) AS INTEGER) AS VARCHAR) || '% of rating'
    FROM PRODUCTION.FEEDER_HOURLY_LOAD l
    JOIN PRODUCTION.CIRCUIT_METADATA f ON f.CIRCUIT_ID = l.CIRCUIT_ID
    WHERE l.LOAD_KW >= f.CAPACITY_KVA
),
prioritised AS (
    SELECT
        r.*,
        CASE
            WHEN r.ALARM_TYPE = 'OVERLOAD' AND r.LOAD_PERCENT >= 120 THEN 1
            WHEN r.ALARM_TYPE <> 'OVERLOAD' AND ((r.DEVICE_TYPE = 'BREAKER' AND r.CRITICAL_CARE_CUSTOMERS >= 2) OR r.CRITICAL_CARE_CUSTOMERS >= 5) THEN 1
            WHEN r.ALARM_TYPE = 'OVERLOAD' AND r.LOAD_PERCENT >= 110 THEN 2
            WHEN r.ALARM_TYPE <> 'OVERLOAD' AND (r.DEVICE_TYPE IN ('BREAKER', 'RECLOSER') OR r.CRITICAL_CARE_CUSTOMERS >= 2 OR r.CUSTOMERS_AFFECTED >= 100) THEN 2
            ELSE 3
        END AS PRIORITY_RANK
    FROM raised r
)
SELECT
    p.ALARM_ID,
    p.ALARM_TYPE,
    CASE p.PRIORITY_RANK WHEN 1 THEN 'HIGH' WHEN 2 THEN 'MEDIUM' ELSE 'LOW' END AS PRIORITY,
    p.PRIORITY_RANK,
    p.DEVICE_TYPE,
    p.RAISED_AT,
    p.RETURNED_AT,
    p.CIRCUIT_ID,
    p.SUBSTATION_ID,
    s.REGION AS OPERATOR_POSITION,
    p.SUBJECT_ID,
    p.OUTAGE_ID,
    p.CUSTOMERS_AFFECTED,
    p.CRITICAL_CARE_CUSTOMERS,
    p.MESSAGE
FROM prioritised p
JOIN PRODUCTION.SUBSTATIONS s ON s.SUBSTATION_ID = p.SUBSTATION_ID;
