-- grain: saves one switching plan unless its id exists (idempotent: repeating the write changes nothing)
-- Parameters: plan id, name, created by, created at, updated at, plan id.
INSERT INTO APPLICATIONS.SWITCHING_PLANS (PLAN_ID, PLAN_NAME, STATUS, CREATED_BY, CREATED_AT, UPDATED_AT)
SELECT CAST(? AS VARCHAR), CAST(? AS VARCHAR), 'PLANNED', CAST(? AS VARCHAR), CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP)
WHERE NOT EXISTS (SELECT 1 FROM APPLICATIONS.SWITCHING_PLANS WHERE PLAN_ID = CAST(? AS VARCHAR))
