-- grain: one switching plan's status after a step or a cancellation (idempotent: sets, never increments)
-- Parameters: status, updated at, plan id.
UPDATE APPLICATIONS.SWITCHING_PLANS
SET STATUS = CAST(? AS VARCHAR), UPDATED_AT = CAST(? AS TIMESTAMP)
WHERE PLAN_ID = CAST(? AS VARCHAR)
