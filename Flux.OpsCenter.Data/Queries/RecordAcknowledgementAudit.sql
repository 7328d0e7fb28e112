-- grain: appends the audit entry of an alarm's acknowledgement, taken from the acknowledgement row itself, once
-- Derived from the row rather than from the caller's values, so running it again after a failure in between (Snowflake
-- runs bound batches statement by statement) completes the trail with what was actually recorded.
INSERT INTO APPLICATIONS.AUDIT_LOG (AUDIT_ID, OCCURRED_AT, USER_NAME, ACTION, SUBJECT_ID, DETAIL)
SELECT CAST(? AS VARCHAR), a.ACKNOWLEDGED_AT, a.ACKNOWLEDGED_BY, 'ACKNOWLEDGE_ALARM', a.ALARM_ID, a.COMMENT
FROM APPLICATIONS.ALARM_ACKNOWLEDGEMENTS a
WHERE a.ALARM_ID = CAST(? AS VARCHAR)
  AND NOT EXISTS (
        SELECT 1 FROM APPLICATIONS.AUDIT_LOG l
        WHERE l.ACTION = 'ACKNOWLEDGE_ALARM' AND l.SUBJECT_ID = CAST(? AS VARCHAR))
