-- grain: moves one outage's work order along (assigned, in progress, completed)
-- Parameters: status, crew, completed at (null until completed), outage.
UPDATE PRODUCTION.WORK_ORDERS
SET STATUS = CAST(? AS VARCHAR), CREW_ID = CAST(? AS VARCHAR), COMPLETED_AT = CAST(? AS TIMESTAMP)
WHERE OUTAGE_ID = CAST(? AS VARCHAR) AND STATUS <> 'COMPLETED'
