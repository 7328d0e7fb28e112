-- grain: one switching device's live state after a trip, reclose or close (no row for a transformer's own fuse)
UPDATE PRODUCTION.SWITCHING_DEVICES
SET CURRENT_STATE = CAST(? AS VARCHAR), LAST_OPERATED_AT = CAST(? AS TIMESTAMP), LAST_OPERATION = CAST(? AS VARCHAR)
WHERE DEVICE_ID = CAST(? AS VARCHAR)
