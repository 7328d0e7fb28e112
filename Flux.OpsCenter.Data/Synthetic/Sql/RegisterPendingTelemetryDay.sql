-- grain: one telemetry day whose load, AMI and feeder-head rows are written after the file is first served
-- Parameters: first hour of the day, AMI sampling stride, seed.
INSERT INTO PRODUCTION.GEN_PENDING_TELEMETRY_DAY (DAY_START, AMI_STRIDE, SEED) VALUES (?, ?, ?);
