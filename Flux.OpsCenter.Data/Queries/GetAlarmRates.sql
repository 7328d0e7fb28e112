-- grain: one row per operator position: alarm activations raised in [from, to) and their EEMUA 191 figures over fixed 10-minute intervals
-- Intervals are aligned to the clock (00:00, 00:10, ...), as alarm-rate reports count them; a flood interval holds more
-- than 10 activations. Positions without an alarm in the window are listed with zeros.
WITH alarms AS (
    SELECT OPERATOR_POSITION, CAST(FLOOR(EXTRACT(EPOCH FROM RAISED_AT) / 600) AS BIGINT) AS INTERVAL_NO
    FROM APPLICATIONS.ALARM_HISTORY
    WHERE RAISED_AT >= CAST(? AS TIMESTAMP) AND RAISED_AT < CAST(? AS TIMESTAMP)
),
intervals AS (
    SELECT OPERATOR_POSITION, INTERVAL_NO, COUNT(*) AS ALARMS
    FROM alarms
    GROUP BY OPERATOR_POSITION, INTERVAL_NO
),
positions AS (
    SELECT DISTINCT REGION AS OPERATOR_POSITION FROM PRODUCTION.SUBSTATIONS
)
SELECT
    p.OPERATOR_POSITION,
    COALESCE(SUM(i.ALARMS), 0) AS ALARMS,
    COALESCE(MAX(i.ALARMS), 0) AS PEAK_PER_10_MIN,
    COUNT(CASE WHEN i.ALARMS > 10 THEN 1 END) AS FLOOD_INTERVALS,
    COALESCE(SUM(CASE WHEN i.ALARMS > 10 THEN i.ALARMS ELSE 0 END), 0) AS ALARMS_IN_FLOODS
FROM positions p
LEFT JOIN intervals i ON i.OPERATOR_POSITION = p.OPERATOR_POSITION
GROUP BY p.OPERATOR_POSITION
ORDER BY p.OPERATOR_POSITION
