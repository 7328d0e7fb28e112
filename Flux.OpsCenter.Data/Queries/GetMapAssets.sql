-- grain: one row per point asset (substation, transformer, pole, meter), the whole territory, for the map's spatial index
SELECT ASSET_TYPE, ASSET_ID, LATITUDE, LONGITUDE, STATUS, HEALTH_SCORE
FROM APPLICATIONS.FLUX_OPS_CENTER_TOPOLOGY_NODES
