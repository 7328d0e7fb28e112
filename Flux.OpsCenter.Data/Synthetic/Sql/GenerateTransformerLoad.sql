-- grain: one row per transformer for the hours in [from, to), written in hour order: demand from customers, daily shape, the nearest station's weather and noise
-- Parameters: first hour (inclusive), end hour (exclusive).
INSERT INTO PRODUCTION.TRANSFORMER_HOURLY_LOAD
WITH hours AS (
    SELECT
        w.OBSERVATION_TIME,
        w.STATION_ID,
        w.TEMPERATURE_C,
        w.TEMPERATURE_F,
        -- Houston is UTC-6 in winter; the one-hour summer shift does not matter to a load shape.
        CAST(EXTRACT(HOUR FROM w.OBSERVATION_TIME - INTERVAL '6 hours') AS INTEGER) AS LOCAL_HOUR,
        CAST(EXTRACT(DOW FROM w.OBSERVATION_TIME - INTERVAL '6 hours') AS INTEGER) AS LOCAL_DOW,
        EXTRACT(EPOCH FROM w.OBSERVATION_TIME) / 3600.0 AS HOUR_NUMBER
    FROM PRODUCTION.HOUSTON_WEATHER_HOURLY w
    WHERE w.OBSERVATION_TIME >= ? AND w.OBSERVATION_TIME < ?
),
demand AS (
    SELECT
        b.TRANSFORMER_ID,
        h.OBSERVATION_TIME,
        h.TEMPERATURE_C,
        b.CAPACITY_KVA,
        b.BASE_KW
            * p.FACTOR
            * (CASE WHEN b.CUSTOMER_CLASS = 'RESIDENTIAL' OR h.LOCAL_DOW BETWEEN 1 AND 5 THEN 1.0 ELSE 0.7 END)
            * (1.0
               + (CASE WHEN h.TEMPERATURE_F > 72 THEN (h.TEMPERATURE_F - 72) * b.COOLING_SENSITIVITY ELSE 0 END)
               + (CASE WHEN h.TEMPERATURE_F < 55 THEN (55 - h.TEMPERATURE_F) * b.HEATING_SENSITIVITY ELSE 0 END))
            -- Two incommensurate waves per transformer stand in for household randomness, cheaply and reproducibly.
            * (1.0 + 0.05 * SIN(b.NOISE_PHASE + h.HOUR_NUMBER * 1.93) + 0.03 * SIN(b.NOISE_PHASE * 3.1 + h.HOUR_NUMBER * 0.37)) AS LOAD_KW
    FROM PRODUCTION.GEN_TRANSFORMER_DEMAND b
    JOIN hours h ON h.STATION_ID = b.STATION_ID
    JOIN PRODUCTION.GEN_LOAD_SHAPE p ON p.CUSTOMER_CLASS = b.CUSTOMER_CLASS AND p.LOCAL_HOUR = h.LOCAL_HOUR
)
SELECT
    d.TRANSFORMER_ID,
    d.OBSERVATION_TIME AS LOAD_HOUR,
    ROUND(d.LOAD_KW, 2) AS LOAD_KW,
    ROUND(100.0 * d.LOAD_KW / d.CAPACITY_KVA, 1) AS LOAD_FACTOR_PCT,
    -- Winding hot spot, simplified from IEEE C57.91: ambient plus a rise that grows with the square of loading.
    ROUND(d.TEMPERATURE_C + 15 + 50 * (d.LOAD_KW / d.CAPACITY_KVA) * (d.LOAD_KW / d.CAPACITY_KVA), 1) AS TEMPERATURE_C,
    CASE
        WHEN d.LOAD_KW / d.CAPACITY_KVA >= 1.0 THEN 'CRITICAL'
        WHEN d.LOAD_KW / d.CAPACITY_KVA >= 0.85 THEN 'HIGH'
        WHEN d.LOAD_KW / d.CAPACITY_KVA >= 0.6 THEN 'MODERATE'
        ELSE 'LOW'
    END AS THERMAL_STRESS_CATEGORY
FROM demand d
ORDER BY d.OBSERVATION_TIME;
