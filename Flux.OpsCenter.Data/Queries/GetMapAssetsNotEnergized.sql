-- grain: one row per point asset whose live status is not ENERGIZED (outage, partial, overloaded), for the map's status refresh
SELECT ASSET_TYPE, ASSET_ID, STATUS, HEALTH_SCORE
FROM APPLICATIONS.FLUX_OPS_CENTER_TOPOLOGY_NODES
WHERE STATUS <> 'ENERGIZED'
