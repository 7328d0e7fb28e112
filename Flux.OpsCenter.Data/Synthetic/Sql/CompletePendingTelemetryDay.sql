-- grain: removes one telemetry day from the pending list, in the transaction that wrote its rows
-- Parameters: first hour of the day.
DELETE FROM PRODUCTION.GEN_PENDING_TELEMETRY_DAY WHERE DAY_START = ?;
