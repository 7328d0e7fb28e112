-- grain: one row per transformer-hour, with TRANSFORMER_HOURLY_LOAD's six column types and row count, in hour order
-- The engine's own floor for the hourly table: a plain CREATE TABLE AS over range(), cheap arithmetic for every value,
-- no join, no weather, no outage. The generation bench times it in the same run as the generation and reports the ratio.
-- DuckDB only (range() is its table function): a bench of the embedded engine, not an app query.
-- Parameters: transformers, transformers, row count.
CREATE OR REPLACE TABLE GENERATION_FLOOR AS
SELECT
    'TX-' || lpad(CAST(i % ? AS VARCHAR), 7, '0') AS TRANSFORMER_ID,
    TIMESTAMP '2026-11-18 00:00:00' + to_hours(CAST(i // ? AS BIGINT)) AS LOAD_HOUR,
    ROUND(CAST(i % 9973 AS DOUBLE) / 100.0, 2) AS LOAD_KW,
    ROUND(CAST(i % 1201 AS DOUBLE) / 10.0, 1) AS LOAD_FACTOR_PCT,
    ROUND(20.0 + CAST(i % 613 AS DOUBLE) / 10.0, 1) AS TEMPERATURE_C,
    CASE i % 4 WHEN 0 THEN 'LOW' WHEN 1 THEN 'MODERATE' WHEN 2 THEN 'HIGH' ELSE 'CRITICAL' END AS THERMAL_STRESS_CATEGORY
FROM range(?) r(i)
