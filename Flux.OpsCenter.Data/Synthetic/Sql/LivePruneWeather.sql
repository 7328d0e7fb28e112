-- grain: drops PRODUCTION.HOUSTON_WEATHER_HOURLY hours older than the kept window, so a display running for weeks stays bounded
DELETE FROM PRODUCTION.HOUSTON_WEATHER_HOURLY WHERE OBSERVATION_TIME < CAST(? AS TIMESTAMP)
