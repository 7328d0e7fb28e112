-- grain: drops PRODUCTION.FEEDER_HOURLY_LOAD hours older than the kept window, so a display running for weeks stays bounded
DELETE FROM PRODUCTION.FEEDER_HOURLY_LOAD WHERE LOAD_HOUR < CAST(? AS TIMESTAMP)
