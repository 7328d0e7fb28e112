-- grain: every edge of the grid graph; the graph engine's bulk load (not a panel query)
SELECT EDGE_ID, FROM_NODE_ID, TO_NODE_ID, EDGE_TYPE, DISTANCE_KM, CAPACITY_KW, IS_NORMALLY_OPEN
FROM ML_DEMO.GRID_EDGES
ORDER BY EDGE_ID
