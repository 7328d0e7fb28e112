-- Creates the role the service runs as and the roles operators sign in with, and grants each what it needs, before
-- anything uses them: 08 runs as the service role, so every privilege CREATE SERVICE checks is granted here.
-- Run with: snow sql -f spcs/sql/03_roles.sql -D database=FLUX_OPS -D compute_pool=FLUX_POOL -D warehouse=FLUX_WH -D service_role=FLUX_SERVICE -D admin_user=ADMIN -D user=JANE_OPERATOR
USE ROLE ACCOUNTADMIN;

-- The service runs as its owner role, which may not be ACCOUNTADMIN, SECURITYADMIN or ORGADMIN.
CREATE ROLE IF NOT EXISTS <% service_role %>;
-- USE ROLE in 08 needs the role granted to the user running it; SYSADMIN gets it as Snowflake's role hierarchy advises.
GRANT ROLE <% service_role %> TO USER <% admin_user %>;
GRANT ROLE <% service_role %> TO ROLE SYSADMIN;

-- What CREATE SERVICE checks: USAGE on the database and schema, CREATE SERVICE (and CREATE STAGE for the
-- specification) on the schema, READ on the image repository, USAGE on the compute pool, BIND SERVICE ENDPOINT for
-- the public endpoint; QUERY_WAREHOUSE needs USAGE on the warehouse.
GRANT USAGE ON DATABASE <% database %> TO ROLE <% service_role %>;
GRANT USAGE ON SCHEMA <% database %>.PRODUCTION TO ROLE <% service_role %>;
GRANT USAGE ON SCHEMA <% database %>.APPLICATIONS TO ROLE <% service_role %>;
GRANT USAGE ON SCHEMA <% database %>.ML_DEMO TO ROLE <% service_role %>;
GRANT USAGE ON SCHEMA <% database %>.CASCADE_ANALYSIS TO ROLE <% service_role %>;
GRANT CREATE STAGE, CREATE SERVICE ON SCHEMA <% database %>.APPLICATIONS TO ROLE <% service_role %>;
GRANT READ ON IMAGE REPOSITORY <% database %>.APPLICATIONS.FLUX_IMAGES TO ROLE <% service_role %>;
GRANT USAGE, MONITOR ON COMPUTE POOL <% compute_pool %> TO ROLE <% service_role %>;
GRANT USAGE ON WAREHOUSE <% warehouse %> TO ROLE <% service_role %>;
GRANT BIND SERVICE ENDPOINT ON ACCOUNT TO ROLE <% service_role %>;

-- What the running app reads and writes, on the tables and views 05-07 create now or later. Schema-level future
-- grants override database-level ones for that schema, so each schema gets its own.
GRANT SELECT ON ALL TABLES IN SCHEMA <% database %>.PRODUCTION TO ROLE <% service_role %>;
GRANT SELECT ON FUTURE TABLES IN SCHEMA <% database %>.PRODUCTION TO ROLE <% service_role %>;
GRANT SELECT ON ALL TABLES IN SCHEMA <% database %>.ML_DEMO TO ROLE <% service_role %>;
GRANT SELECT ON FUTURE TABLES IN SCHEMA <% database %>.ML_DEMO TO ROLE <% service_role %>;
-- The cascade page fills its scenario tables when they are empty.
GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA <% database %>.CASCADE_ANALYSIS TO ROLE <% service_role %>;
GRANT SELECT, INSERT ON FUTURE TABLES IN SCHEMA <% database %>.CASCADE_ANALYSIS TO ROLE <% service_role %>;
-- The app's own write side: acknowledgements and the audit log.
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA <% database %>.APPLICATIONS TO ROLE <% service_role %>;
GRANT SELECT, INSERT, UPDATE ON FUTURE TABLES IN SCHEMA <% database %>.APPLICATIONS TO ROLE <% service_role %>;
GRANT SELECT ON ALL VIEWS IN SCHEMA <% database %>.APPLICATIONS TO ROLE <% service_role %>;
GRANT SELECT ON FUTURE VIEWS IN SCHEMA <% database %>.APPLICATIONS TO ROLE <% service_role %>;

-- Operators sign in through the SPCS ingress with one of these roles (08 grants FLUX_VIEWER the endpoint, the others
-- inherit it); the app sees the user as Sf-Context-Current-User and maps users to its own roles from configuration.
CREATE ROLE IF NOT EXISTS FLUX_VIEWER;
CREATE ROLE IF NOT EXISTS FLUX_OPERATOR;
CREATE ROLE IF NOT EXISTS FLUX_SUPERVISOR;
GRANT ROLE FLUX_VIEWER TO ROLE FLUX_OPERATOR;
GRANT ROLE FLUX_OPERATOR TO ROLE FLUX_SUPERVISOR;
GRANT ROLE FLUX_SUPERVISOR TO ROLE SYSADMIN;
GRANT ROLE FLUX_OPERATOR TO USER <% user %>;
