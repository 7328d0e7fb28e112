-- grain: who owns one outage's ETR from now on; once a crew entered it, an estimate does not take it back
-- Parameters: source, at, user, outage, source.
UPDATE APPLICATIONS.OUTAGE_LIFECYCLE
SET ETR_SOURCE = CAST(? AS VARCHAR), UPDATED_AT = CAST(? AS TIMESTAMP), UPDATED_BY = CAST(? AS VARCHAR)
WHERE OUTAGE_ID = CAST(? AS VARCHAR) AND (CAST(? AS VARCHAR) = 'CREW' OR ETR_SOURCE <> 'CREW')
