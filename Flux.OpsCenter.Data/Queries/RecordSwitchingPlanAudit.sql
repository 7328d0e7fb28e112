-- grain: appends the audit entry of a plan's creation or status change, taken from the plan row itself, once per action
-- Derived from the row, so repeating it after a failure in between (Snowflake runs bound batches statement by
-- statement) completes the trail with what was recorded. Parameters: audit id, user, action, plan id, action, plan id.
INSERT INTO APPLICATIONS.AUDIT_LOG (AUDIT_ID, OCCURRED_AT, USER_NAME, ACTION, SUBJECT_ID, DETAIL)
SELECT CAST(? AS VARCHAR), p.UPDATED_AT, CAST(? AS VARCHAR), CAST(? AS VARCHAR), p.PLAN_ID, p.STATUS || ': ' || p.PLAN_NAME
FROM APPLICATIONS.SWITCHING_PLANS p
WHERE p.PLAN_ID = CAST(? AS VARCHAR)
  AND NOT EXISTS (
        SELECT 1 FROM APPLICATIONS.AUDIT_LOG l
        WHERE l.ACTION = CAST(? AS VARCHAR) AND l.SUBJECT_ID = CAST(? AS VARCHAR))
