-- grain: one row per transformer for the hours in [from, to), written in hour order: demand from customers, daily shape, the nearest station's weather and noise
-- Parameters: first hour (inclusive), end hour (exclusive).
-- Everything that depends only on the hour (shape, weekday, temperature terms, the noise waves' hour angle) is computed
-- once per hour, station and class, so each transformer-hour is a few multiplications: the stage runs near the storage's own speed.
INSERT INTO PRODUCTION.TRANSFORMER_HOURLY_LOAD
WITH hours AS (
    SELECT
        w.OBSERVATION_TIME,
        w.STATION_ID,
        w.TEMPERATURE_C,
        CASE WHEN w.TEMPERATURE_F > 72 THEN w.TEMPERATURE_F - 72 ELSE 0 END AS COOLING_DEGREES,
        CASE WHEN w.TEMPERATURE_F < 55 THEN 55 - w.TEMPERATURE_F ELSE 0 END AS HEATING_DEGREES,
        -- Houston is UTC-6 in winter; the one-hour summer shift does not matter to a load shape.
        CAST(EXTRACT(HOUR FROM w.OBSERVATION_TIME - INTERVAL '6 hours') AS INTEGER) AS LOCAL_HOUR,
        CAST(EXTRACT(DOW FROM w.OBSERVATION_TIME - INTERVAL '6 hours') AS INTEGER) AS LOCAL_DOW,
        EXTRACT(EPOCH FROM w.OBSERVATION_TIME) / 3600.0 AS HOUR_NUMBER
    FROM PRODUCTION.HOUSTON_WEATHER_HOURLY w
    WHERE w.OBSERVATION_TIME >= ? AND w.OBSERVATION_TIME < ?
),
class_hours AS (
    SELECT
        p.CUSTOMER_CLASS,
        h.STATION_ID,
        h.OBSERVATION_TIME,
        h.TEMPERATURE_C,
        h.COOLING_DEGREES,
        h.HEATING_DEGREES,
        p.FACTOR * (CASE WHEN p.CUSTOMER_CLASS = 'RESIDENTIAL' OR h.LOCAL_DOW BETWEEN 1 AND 5 THEN 1.0 ELSE 0.7 END) AS SHAPE_FACTOR,
        SIN(h.HOUR_NUMBER * 1.93) AS FAST_HOUR_SIN,
        COS(h.HOUR_NUMBER * 1.93) AS FAST_HOUR_COS,
        SIN(h.HOUR_NUMBER * 0.37) AS SLOW_HOUR_SIN,
        COS(h.HOUR_NUMBER * 0.37) AS SLOW_HOUR_COS
    FROM hours h
    JOIN PRODUCTION.GEN_LOAD_SHAPE p ON p.LOCAL_HOUR = h.LOCAL_HOUR
),
demand AS (
    SELECT
        b.TRANSFORMER_ID,
        c.OBSERVATION_TIME,
        c.TEMPERATURE_C,
        b.CAPACITY_KVA,
        b.BASE_KW
            * c.SHAPE_FACTOR
            * (1.0 + c.COOLING_DEGREES * b.COOLING_SENSITIVITY + c.HEATING_DEGREES * b.HEATING_SENSITIVITY)
            -- Two incommensurate waves per transformer stand in for household randomness, cheaply and reproducibly:
            -- 0.05 sin(phase + 1.93 h) + 0.03 sin(3.1 phase + 0.37 h), each expanded as sin(a + b) = sin a cos b + cos a sin b.
            * (1.0
               + 0.05 * (b.FAST_PHASE_SIN * c.FAST_HOUR_COS + b.FAST_PHASE_COS * c.FAST_HOUR_SIN)
               + 0.03 * (b.SLOW_PHASE_SIN * c.SLOW_HOUR_COS + b.SLOW_PHASE_COS * c.SLOW_HOUR_SIN)) AS LOAD_KW
    FROM PRODUCTION.GEN_TRANSFORMER_DEMAND b
    JOIN class_hours c ON c.CUSTOMER_CLASS = b.CUSTOMER_CLASS AND c.STATION_ID = b.STATION_ID
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
