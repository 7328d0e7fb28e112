-- grain: writes one precomputed scenario (run by the background precompute, not a read query)
INSERT INTO CASCADE_ANALYSIS.PRECOMPUTED_CASCADES
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
