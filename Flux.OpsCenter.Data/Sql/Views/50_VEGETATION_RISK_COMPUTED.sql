-- grain: one row per tree near a line, scored by clearance encroachment and fall-in reach (docs/vegetation-risk.md)
CREATE OR REPLACE VIEW APPLICATIONS.VEGETATION_RISK_COMPUTED AS
WITH clearance AS (
    SELECT
        v.*,
        -- Minimum vegetation clearance by line voltage (distribution practice, metres).
        CASE WHEN v.LINE_VOLTAGE_KV >= 69 THEN 6.0 WHEN v.LINE_VOLTAGE_KV >= 25 THEN 4.0 ELSE 3.0 END AS REQUIRED_CLEARANCE_M
    FROM PRODUCTION.VEGETATION_INVENTORY v
),
scored AS (
    SELECT
        c.*,
        LEAST(1.0, GREATEST(0.0, (c.REQUIRED_CLEARANCE_M - (c.DISTANCE_TO_LINE_M - c.CANOPY_RADIUS_M)) / c.REQUIRED_CLEARANCE_M)) AS ENCROACHMENT,
        LEAST(1.0, GREATEST(0.0, (c.HEIGHT_M - c.DISTANCE_TO_LINE_M) / c.HEIGHT_M)) AS FALL_IN
    FROM clearance c
),
levelled AS (
    SELECT
        s.*,
        CASE
            WHEN 0.6 * s.ENCROACHMENT + 0.4 * s.FALL_IN >= 0.7 THEN 'CRITICAL'
            WHEN 0.6 * s.ENCROACHMENT + 0.4 * s.FALL_IN >= 0.45 THEN 'WARNING'
            WHEN 0.6 * s.ENCROACHMENT + 0.4 * s.FALL_IN >= 0.2 THEN 'MONITOR'
            ELSE 'SAFE'
        END AS RISK_LEVEL
    FROM scored s
)
SELECT
    l.TREE_ID,
    l.LATITUDE,
    l.LONGITUDE,
    l.SPECIES,
    l.HEIGHT_M,
    l.CANOPY_RADIUS_M,
    l.NEAREST_CIRCUIT_ID,
    l.NEAREST_SEGMENT_ID,
    l.LINE_VOLTAGE_KV,
    l.DISTANCE_TO_LINE_M,
    l.REQUIRED_CLEARANCE_M,
    ROUND(0.6 * l.ENCROACHMENT + 0.4 * l.FALL_IN, 3) AS RISK_SCORE,
    l.RISK_LEVEL,
    -- A falling tree reaches as far as it is tall: the line lies in its fall zone when it is nearer than the height.
    l.HEIGHT_M AS FALL_ZONE_M,
    CASE WHEN l.DISTANCE_TO_LINE_M <= l.HEIGHT_M THEN TRUE ELSE FALSE END AS IN_FALL_ZONE,
    -- The map's and work list's three bands: trim now, inspect, leave.
    CASE l.RISK_LEVEL WHEN 'CRITICAL' THEN 'HIGH' WHEN 'WARNING' THEN 'HIGH' WHEN 'MONITOR' THEN 'MEDIUM' ELSE 'LOW' END AS RISK_BAND,
    l.LAST_TRIM_DATE
FROM levelled l;
