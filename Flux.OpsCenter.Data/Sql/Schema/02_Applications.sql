-- grain: APPLICATIONS tables the app itself owns (the dashboard's views live in Sql/Views)
CREATE TABLE IF NOT EXISTS APPLICATIONS.FLUX_DATABASE_INFO (
    SCHEMA_VERSION INTEGER NOT NULL,
    PRESET VARCHAR NOT NULL,
    SEED BIGINT NOT NULL,
    GENERATED_AT TIMESTAMP NOT NULL,
    DATA_AS_OF TIMESTAMP NOT NULL,
    TERRITORY_READY BOOLEAN NOT NULL
);

CREATE TABLE IF NOT EXISTS APPLICATIONS.AUDIT_LOG (
    AUDIT_ID VARCHAR NOT NULL PRIMARY KEY,
    OCCURRED_AT TIMESTAMP NOT NULL,
    USER_NAME VARCHAR NOT NULL,
    ACTION VARCHAR NOT NULL,
    SUBJECT_ID VARCHAR,
    DETAIL VARCHAR
);

-- One row per acknowledged alarm: the first acknowledgement wins, repeats change nothing.
CREATE TABLE IF NOT EXISTS APPLICATIONS.ALARM_ACKNOWLEDGEMENTS (
    ALARM_ID VARCHAR NOT NULL PRIMARY KEY,
    ACKNOWLEDGED_BY VARCHAR NOT NULL,
    ACKNOWLEDGED_AT TIMESTAMP NOT NULL,
    COMMENT VARCHAR
);

-- One row per shelving of an alarm (ISA-18.2: an operator's time-limited removal from the annunciated list, with a
-- reason). A shelf holds until SHELVED_UNTIL or until an operator unshelves it; an expired shelf needs no write.
CREATE TABLE IF NOT EXISTS APPLICATIONS.ALARM_SHELVES (
    SHELF_ID VARCHAR NOT NULL PRIMARY KEY,
    ALARM_ID VARCHAR NOT NULL,
    SHELVED_BY VARCHAR NOT NULL,
    SHELVED_AT TIMESTAMP NOT NULL,
    SHELVED_UNTIL TIMESTAMP NOT NULL,
    REASON VARCHAR NOT NULL,
    UNSHELVED_BY VARCHAR,
    UNSHELVED_AT TIMESTAMP
);

-- One row per outage an operator has acted on: its lifecycle stage and who owns its ETR. An outage without a row is in
-- the stage APPLICATIONS.OUTAGE_WORKFLOW derives from the tracker; the first operator action copies that stage here,
-- and from then on the simulator leaves the outage to the operator.
CREATE TABLE IF NOT EXISTS APPLICATIONS.OUTAGE_LIFECYCLE (
    OUTAGE_ID VARCHAR NOT NULL PRIMARY KEY,
    STAGE VARCHAR NOT NULL,
    ETR_SOURCE VARCHAR NOT NULL,
    ORIGINAL_CUSTOMERS INTEGER NOT NULL,
    ORIGINAL_TRANSFORMERS INTEGER NOT NULL,
    UPDATED_AT TIMESTAMP NOT NULL,
    UPDATED_BY VARCHAR NOT NULL
);

-- One row per lifecycle transition; the id is derived from the outage, the action and its arguments, so repeating a
-- transition writes nothing twice. The audit row of each transition is derived from its event row.
CREATE TABLE IF NOT EXISTS APPLICATIONS.OUTAGE_EVENTS (
    EVENT_ID VARCHAR NOT NULL PRIMARY KEY,
    OUTAGE_ID VARCHAR NOT NULL,
    ACTION VARCHAR NOT NULL,
    STAGE VARCHAR NOT NULL,
    OCCURRED_AT TIMESTAMP NOT NULL,
    USER_NAME VARCHAR NOT NULL,
    DETAIL VARCHAR,
    ETR TIMESTAMP
);

-- One row per section (a distribution transformer behind the isolating device) restored before its outage.
CREATE TABLE IF NOT EXISTS APPLICATIONS.OUTAGE_SECTION_RESTORATIONS (
    OUTAGE_ID VARCHAR NOT NULL,
    TRANSFORMER_ID VARCHAR NOT NULL,
    CUSTOMERS INTEGER NOT NULL,
    RESTORED_AT TIMESTAMP NOT NULL,
    RESTORED_BY VARCHAR NOT NULL,
    PRIMARY KEY (OUTAGE_ID, TRANSFORMER_ID)
);
