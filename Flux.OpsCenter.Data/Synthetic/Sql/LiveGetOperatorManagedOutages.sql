-- grain: one row per active outage an operator has taken over, which the simulator neither dispatches nor restores
SELECT w.OUTAGE_ID
FROM APPLICATIONS.OUTAGE_WORKFLOW w
WHERE w.OPERATOR_MANAGED = TRUE AND w.OUTAGE_END_TIME IS NULL
