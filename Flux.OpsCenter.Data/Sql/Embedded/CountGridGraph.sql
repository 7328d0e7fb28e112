-- grain: one row; non-zero only when both the grid graph and its centrality are complete
SELECT LEAST(
    (SELECT COUNT(*) FROM ML_DEMO.GRID_NODES),
    (SELECT COUNT(*) FROM ML_DEMO.GRID_EDGES),
    (SELECT COUNT(*) FROM CASCADE_ANALYSIS.NODE_CENTRALITY_FEATURES_V2)
) AS COMPLETE_ROWS;
