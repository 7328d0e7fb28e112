-- grain: one row per switching device: only its live state, polled to keep the connectivity model current
SELECT DEVICE_ID, CURRENT_STATE, LAST_OPERATED_AT, LAST_OPERATION
FROM APPLICATIONS.SWITCHING_DEVICE_STATUS
