-- grain: one new weather hour per station, the same hour of the latest day held, moved by the simulator's drift
-- Parameters: new hour, temperature change in °F (twice), source hour (yesterday's, or the latest day's after a skipped gap).
INSERT INTO PRODUCTION.HOUSTON_WEATHER_HOURLY
SELECT
    CAST(? AS TIMESTAMP),
    w.STATION_ID, w.LATITUDE, w.LONGITUDE,
    ROUND(w.TEMPERATURE_F + CAST(? AS DOUBLE), 1),
    ROUND((w.TEMPERATURE_F + CAST(? AS DOUBLE) - 32) * 5 / 9, 1),
    w.HUMIDITY_PCT, w.WIND_SPEED_MPH, w.WIND_GUST_MPH, w.PRECIPITATION_IN, w.WEATHER_CONDITION, w.STATION_NAME
FROM PRODUCTION.HOUSTON_WEATHER_HOURLY w
WHERE w.OBSERVATION_TIME = CAST(? AS TIMESTAMP)
