-- grain: moves one outage's lifecycle to a stage, only from the stages the transition allows (a repeat changes nothing)
-- Parameters: stage, at, user, outage, three allowed prior stages (repeat one to allow fewer).
UPDATE APPLICATIONS.OUTAGE_LIFECYCLE
SET STAGE = CAST(? AS VARCHAR), UPDATED_AT = CAST(? AS TIMESTAMP), UPDATED_BY = CAST(? AS VARCHAR)
WHERE OUTAGE_ID = CAST(? AS VARCHAR) AND STAGE IN (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR))
