-- grain: one row per interruption event of OUTAGE_RESTORATION_TRACKER with its lifecycle stage and ETR owner
-- The one place the stage of an outage nobody has acted on is derived: a breaker or recloser lockout is telemetered
-- (SCADA), so it is confirmed at once; a fuse or transformer is seen only through AMI last-gasps and trouble calls, so it
-- stays predicted until an operator confirms it. A closed tracker row is restored whatever the lifecycle last said.
CREATE OR REPLACE VIEW APPLICATIONS.OUTAGE_WORKFLOW AS
SELECT
    o.OUTAGE_ID,
    o.CIRCUIT_ID,
    o.SUBSTATION_ID,
    o.DEVICE_ID,
    o.DEVICE_TYPE,
    o.OUTAGE_START_TIME,
    o.OUTAGE_END_TIME,
    o.STATUS,
    o.CAUSE,
    o.CUSTOMERS_AFFECTED,
    o.AFFECTED_TRANSFORMERS,
    o.ESTIMATED_RESTORATION,
    o.CREW_ID,
    o.IS_MOMENTARY,
    o.LATITUDE,
    o.LONGITUDE,
    CASE
        WHEN l.STAGE = 'VERIFIED' THEN 'VERIFIED'
        WHEN o.OUTAGE_END_TIME IS NOT NULL THEN 'RESTORED'
        WHEN l.STAGE IS NOT NULL THEN l.STAGE
        WHEN o.CREW_ID IS NOT NULL THEN 'DISPATCHED'
        WHEN o.DEVICE_TYPE IN ('BREAKER', 'RECLOSER') THEN 'CONFIRMED'
        ELSE 'PREDICTED'
    END AS STAGE,
    COALESCE(l.ETR_SOURCE, 'ESTIMATE') AS ETR_SOURCE,
    CASE WHEN l.OUTAGE_ID IS NULL THEN FALSE ELSE TRUE END AS OPERATOR_MANAGED,
    COALESCE(l.ORIGINAL_CUSTOMERS, o.CUSTOMERS_AFFECTED) AS ORIGINAL_CUSTOMERS,
    COALESCE(l.ORIGINAL_TRANSFORMERS, o.AFFECTED_TRANSFORMERS) AS ORIGINAL_TRANSFORMERS
FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER o
LEFT JOIN APPLICATIONS.OUTAGE_LIFECYCLE l ON l.OUTAGE_ID = o.OUTAGE_ID;
