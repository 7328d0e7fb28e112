-- grain: the isolating switching device of one restored outage, closed again (no row for a transformer's own fuse)
-- Parameters: at, outage.
UPDATE PRODUCTION.SWITCHING_DEVICES
SET CURRENT_STATE = 'CLOSED', LAST_OPERATED_AT = CAST(? AS TIMESTAMP), LAST_OPERATION = 'CLOSE'
WHERE DEVICE_ID = (SELECT o.DEVICE_ID FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER o WHERE o.OUTAGE_ID = CAST(? AS VARCHAR))
  AND CURRENT_STATE <> 'CLOSED'
