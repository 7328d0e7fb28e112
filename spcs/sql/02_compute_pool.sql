-- Creates the compute pool the service runs on, the warehouse its queries use, and the role that will own the service.
-- Run as ACCOUNTADMIN: snow sql -f spcs/sql/02_compute_pool.sql -D compute_pool=FLUX_POOL -D warehouse=FLUX_WH -D service_role=FLUX_SERVICE
CREATE COMPUTE POOL IF NOT EXISTS <% compute_pool %>
    MIN_NODES = 1
    MAX_NODES = 1
    INSTANCE_FAMILY = CPU_X64_S
    AUTO_RESUME = TRUE
    AUTO_SUSPEND_SECS = 3600;
CREATE WAREHOUSE IF NOT EXISTS <% warehouse %>
    WAREHOUSE_SIZE = XSMALL
    AUTO_SUSPEND = 60
    AUTO_RESUME = TRUE
    INITIALLY_SUSPENDED = TRUE;
-- The service runs as its owner role, which may not be ACCOUNTADMIN, SECURITYADMIN or ORGADMIN.
CREATE ROLE IF NOT EXISTS <% service_role %>;
GRANT USAGE, MONITOR ON COMPUTE POOL <% compute_pool %> TO ROLE <% service_role %>;
GRANT USAGE ON WAREHOUSE <% warehouse %> TO ROLE <% service_role %>;
-- A public endpoint needs this account-level privilege.
GRANT BIND SERVICE ENDPOINT ON ACCOUNT TO ROLE <% service_role %>;
