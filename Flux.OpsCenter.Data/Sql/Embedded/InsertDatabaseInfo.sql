-- grain: the one info row written when a generated file is complete
INSERT INTO APPLICATIONS.FLUX_DATABASE_INFO (SCHEMA_VERSION, PRESET, SEED, GENERATED_AT, DATA_AS_OF, TERRITORY_READY)
VALUES (?, ?, ?, ?, ?, ?);
