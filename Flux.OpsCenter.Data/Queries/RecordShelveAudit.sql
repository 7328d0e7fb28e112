-- grain: appends the audit entry of every shelving of an alarm that has none yet, taken from the shelf rows themselves
-- Keyed by the shelf, so running it again after a failure in between (Snowflake runs bound batches statement by
-- statement) completes the trail with what was actually recorded, and never writes an entry twice.
INSERT INTO APPLICATIONS.AUDIT_LOG (AUDIT_ID, OCCURRED_AT, USER_NAME, ACTION, SUBJECT_ID, DETAIL)
SELECT 'SHELVE-' || s.SHELF_ID, s.SHELVED_AT, s.SHELVED_BY, 'SHELVE_ALARM', s.ALARM_ID,
       'until ' || CAST(s.SHELVED_UNTIL AS VARCHAR) || ' UTC: ' || s.REASON
FROM APPLICATIONS.ALARM_SHELVES s
WHERE s.ALARM_ID = CAST(? AS VARCHAR)
  AND NOT EXISTS (SELECT 1 FROM APPLICATIONS.AUDIT_LOG l WHERE l.AUDIT_ID = 'SHELVE-' || s.SHELF_ID)
