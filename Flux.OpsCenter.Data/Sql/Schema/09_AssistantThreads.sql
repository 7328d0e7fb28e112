-- grain: one row per Grid Intelligence chat thread (issue #14), owned by one operator
-- Snowflake's Threads API keeps the messages and ties every thread to the calling user, which in SPCS is the service's
-- user for everyone; this table says which operator a thread belongs to, its title, and the message id its next question
-- continues from (LAST_ASSISTANT_MESSAGE_ID, null before the first answer was stored).
CREATE TABLE IF NOT EXISTS APPLICATIONS.ASSISTANT_THREADS (
    THREAD_ID VARCHAR NOT NULL PRIMARY KEY,
    OPERATOR_NAME VARCHAR NOT NULL,
    TITLE VARCHAR NOT NULL,
    CREATED_AT TIMESTAMP NOT NULL,
    UPDATED_AT TIMESTAMP NOT NULL,
    LAST_ASSISTANT_MESSAGE_ID BIGINT
);
