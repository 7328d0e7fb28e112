-- grain: forgets one operator's chat thread
-- Parameters: thread id, operator name.
DELETE FROM APPLICATIONS.ASSISTANT_THREADS
WHERE THREAD_ID = CAST(? AS VARCHAR) AND OPERATOR_NAME = CAST(? AS VARCHAR)
