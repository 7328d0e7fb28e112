-- grain: moves one operator's chat thread on to the answer Snowflake stored last
-- Parameters: assistant message id, updated at, thread id, operator name.
UPDATE APPLICATIONS.ASSISTANT_THREADS
SET LAST_ASSISTANT_MESSAGE_ID = CAST(? AS BIGINT), UPDATED_AT = CAST(? AS TIMESTAMP)
WHERE THREAD_ID = CAST(? AS VARCHAR) AND OPERATOR_NAME = CAST(? AS VARCHAR)
