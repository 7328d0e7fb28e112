-- grain: none; empties the derived graph tables before they are written again
DELETE FROM CASCADE_ANALYSIS.NODE_CENTRALITY_FEATURES_V2;
DELETE FROM ML_DEMO.GRID_EDGES;
DELETE FROM ML_DEMO.GRID_NODES;
