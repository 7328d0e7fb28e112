-- grain: appends the audit entry of one executed plan step, taken from the step row itself, once
-- Derived from the row rather than the caller's values, so repeating it completes the trail with what was recorded.
-- Parameters: audit id, plan id, step number, subject (plan id/step number).
INSERT INTO APPLICATIONS.AUDIT_LOG (AUDIT_ID, OCCURRED_AT, USER_NAME, ACTION, SUBJECT_ID, DETAIL)
SELECT CAST(? AS VARCHAR), s.EXECUTED_AT, s.EXECUTED_BY, 'SWITCHING_STEP', s.PLAN_ID || '/' || CAST(s.STEP_NUMBER AS VARCHAR),
       s.STATUS || ' ' || s.ACTION || ' ' || s.DEVICE_ID || ': ' || COALESCE(s.RESULT, '')
FROM APPLICATIONS.SWITCHING_PLAN_STEPS s
WHERE s.PLAN_ID = CAST(? AS VARCHAR) AND s.STEP_NUMBER = CAST(? AS INTEGER) AND s.STATUS <> 'PENDING'
  AND NOT EXISTS (
        SELECT 1 FROM APPLICATIONS.AUDIT_LOG l
        WHERE l.ACTION = 'SWITCHING_STEP' AND l.SUBJECT_ID = CAST(? AS VARCHAR))
