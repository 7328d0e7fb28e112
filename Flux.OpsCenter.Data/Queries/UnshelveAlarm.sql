-- grain: ends the shelf of an alarm that is in force at the given time (idempotent: nothing in force, nothing changes)
UPDATE APPLICATIONS.ALARM_SHELVES
SET UNSHELVED_BY = CAST(? AS VARCHAR), UNSHELVED_AT = CAST(? AS TIMESTAMP)
WHERE ALARM_ID = CAST(? AS VARCHAR) AND UNSHELVED_AT IS NULL AND SHELVED_UNTIL > CAST(? AS TIMESTAMP)
