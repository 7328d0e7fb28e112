-- grain: one row per alarm an operator may still have to see, with the shelf in force at the given time; highest priority first, newest first
-- The time is the app's clock, not the data's: a shelf expires on the wall clock, and an expired shelf simply stops
-- matching, so the alarm returns to the list at expiry without a write.
SELECT g.ALARM_ID, g.ALARM_TYPE, g.PRIORITY, g.RAISED_AT, g.RETURNED_AT, g.CIRCUIT_ID, g.SUBSTATION_ID, g.OPERATOR_POSITION,
       g.SUBJECT_ID, g.OUTAGE_ID, g.CUSTOMERS_AFFECTED, g.CRITICAL_CARE_CUSTOMERS, g.MESSAGE, g.IS_ACTIVE, g.IS_SUPPRESSED,
       g.ACKNOWLEDGED_BY, g.ACKNOWLEDGED_AT, g.ACKNOWLEDGEMENT_COMMENT,
       s.SHELVED_BY, s.SHELVED_UNTIL, s.REASON AS SHELVE_REASON
FROM APPLICATIONS.GRID_ALARMS g
LEFT JOIN APPLICATIONS.ALARM_SHELVES s
       ON s.ALARM_ID = g.ALARM_ID AND s.UNSHELVED_AT IS NULL AND s.SHELVED_UNTIL > CAST(? AS TIMESTAMP)
ORDER BY g.PRIORITY_RANK, g.RAISED_AT DESC, g.ALARM_ID
LIMIT ?
