-- grain: removes the generator's staging tables once load and AMI rows exist
DROP TABLE IF EXISTS PRODUCTION.GEN_TRANSFORMER_DEMAND;
DROP TABLE IF EXISTS PRODUCTION.GEN_LOAD_SHAPE;
