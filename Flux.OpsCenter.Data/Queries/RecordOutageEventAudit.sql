-- grain: appends the audit entry of one outage transition, taken from its event row, once
-- Derived from the event rather than from the caller's values, so repeating the write after a failure in between
-- (Snowflake runs bound batches statement by statement) completes the trail with what was recorded. Parameters: event, event.
INSERT INTO APPLICATIONS.AUDIT_LOG (AUDIT_ID, OCCURRED_AT, USER_NAME, ACTION, SUBJECT_ID, DETAIL)
SELECT e.EVENT_ID, e.OCCURRED_AT, e.USER_NAME, 'OUTAGE_' || e.ACTION, e.OUTAGE_ID, e.DETAIL
FROM APPLICATIONS.OUTAGE_EVENTS e
WHERE e.EVENT_ID = CAST(? AS VARCHAR)
  AND NOT EXISTS (SELECT 1 FROM APPLICATIONS.AUDIT_LOG l WHERE l.AUDIT_ID = CAST(? AS VARCHAR))
