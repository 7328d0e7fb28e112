-- grain: one row, what the embedded file holds and whether the territory is complete
SELECT SCHEMA_VERSION, PRESET, SEED, GENERATED_AT, DATA_AS_OF, TERRITORY_READY
FROM APPLICATIONS.FLUX_DATABASE_INFO
