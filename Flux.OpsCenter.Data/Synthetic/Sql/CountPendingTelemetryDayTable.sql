-- grain: one row, whether the file still holds a pending-telemetry list (1) or its history is complete (0)
SELECT COUNT(*) AS PENDING_TABLES
FROM information_schema.tables
WHERE table_schema = 'PRODUCTION' AND table_name = 'GEN_PENDING_TELEMETRY_DAY';
