-- grain: one pending step of a plan marked DONE or FAILED with who ran it, when and the result (a step is run once)
-- Parameters: status, executed by, executed at, result, plan id, step number.
UPDATE APPLICATIONS.SWITCHING_PLAN_STEPS
SET STATUS = CAST(? AS VARCHAR), EXECUTED_BY = CAST(? AS VARCHAR), EXECUTED_AT = CAST(? AS TIMESTAMP), RESULT = CAST(? AS VARCHAR)
WHERE PLAN_ID = CAST(? AS VARCHAR) AND STEP_NUMBER = CAST(? AS INTEGER) AND STATUS = 'PENDING'
