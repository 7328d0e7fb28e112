-- grain: writes one GCN prediction (run by the background training, not a read query)
INSERT INTO CASCADE_ANALYSIS.GNN_PREDICTIONS
VALUES (?, ?, ?, ?, ?, ?, ?)
