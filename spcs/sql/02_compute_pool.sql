-- Creates the compute pool the service runs on and the warehouse its queries use.
-- Run with: snow sql -f spcs/sql/02_compute_pool.sql -D compute_pool=FLUX_POOL -D warehouse=FLUX_WH
USE ROLE ACCOUNTADMIN;
CREATE COMPUTE POOL IF NOT EXISTS <% compute_pool %>
    MIN_NODES = 1
    MAX_NODES = 1
    INSTANCE_FAMILY = CPU_X64_S
    AUTO_RESUME = TRUE
    AUTO_SUSPEND_SECS = 3600;
-- XSMALL bills 1 credit an hour while running, at least 60 s per resume; it suspends after 60 s without a statement
-- (docs/warehouse-cost.md).
CREATE WAREHOUSE IF NOT EXISTS <% warehouse %>
    WAREHOUSE_SIZE = XSMALL
    AUTO_SUSPEND = 60
    AUTO_RESUME = TRUE
    INITIALLY_SUSPENDED = TRUE;
