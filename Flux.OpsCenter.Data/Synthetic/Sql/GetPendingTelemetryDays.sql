-- grain: one row per telemetry day still to be written, newest first (the feeder charts fill from the present backwards)
SELECT DAY_START, AMI_STRIDE, SEED
FROM PRODUCTION.GEN_PENDING_TELEMETRY_DAY
ORDER BY DAY_START DESC;
