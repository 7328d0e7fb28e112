-- grain: one row per tree near a line, scored by clearance encroachment and fall-in reach
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
)
SELECT
    s.TREE_ID,
    s.LATITUDE,
    s.LONGITUDE,
    s.SPECIES,
    s.HEIGHT_M,
    s.CANOPY_RADIUS_M,
    s.NEAREST_CIRCUIT_ID,
    s.LINE_VOLTAGE_KV,
    s.DISTANCE_TO_LINE_M,
    s.REQUIRED_CLEARANCE_M,
    ROUND(0.6 * s.ENCROACHMENT + 0.4 * s.FALL_IN, 3) AS RISK_SCORE,
    CASE
        WHEN 0.6 * s.ENCROACHMENT + 0.4 * s.FALL_IN >= 0.7 THEN 'CRITICAL'
        WHEN 0.6 * s.ENCROACHMENT + 0.4 * s.FALL_IN >= 0.45 THEN 'WARNING'
        WHEN 0.6 * s.ENCROACHMENT + 0.4 * s.FALL_IN >= 0.2 THEN 'MONITOR'
        ELSE 'SAFE'
    END AS RISK_LEVEL
FROM scored s;
