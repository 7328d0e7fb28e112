-- grain: one lifecycle transition of one outage, once (its id is derived from the outage, action and arguments)
-- Parameters: event, outage, action, stage, at, user, detail, ETR (an ETR step's new value, else null), event.
INSERT INTO APPLICATIONS.OUTAGE_EVENTS (EVENT_ID, OUTAGE_ID, ACTION, STAGE, OCCURRED_AT, USER_NAME, DETAIL, ETR)
SELECT CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS TIMESTAMP), CAST(? AS VARCHAR), CAST(? AS VARCHAR),
       CAST(? AS TIMESTAMP)
WHERE NOT EXISTS (SELECT 1 FROM APPLICATIONS.OUTAGE_EVENTS e WHERE e.EVENT_ID = CAST(? AS VARCHAR))
