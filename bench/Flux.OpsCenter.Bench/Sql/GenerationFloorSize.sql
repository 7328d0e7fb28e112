-- grain: one row, the generated hourly table's row count and its transformers (the floor table's shape)
SELECT (SELECT COUNT(*) FROM PRODUCTION.TRANSFORMER_HOURLY_LOAD) AS HOURLY_ROWS,
       (SELECT COUNT(*) FROM PRODUCTION.TRANSFORMER_METADATA) AS TRANSFORMERS
