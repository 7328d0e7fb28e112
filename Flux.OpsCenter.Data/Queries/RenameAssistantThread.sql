-- grain: renames one operator's chat thread
-- Parameters: title, updated at, thread id, operator name.
UPDATE APPLICATIONS.ASSISTANT_THREADS
SET TITLE = CAST(? AS VARCHAR), UPDATED_AT = CAST(? AS TIMESTAMP)
WHERE THREAD_ID = CAST(? AS VARCHAR) AND OPERATOR_NAME = CAST(? AS VARCHAR)
