-- Lets the browser load the basemap inside SPCS: the ingress adds a Content-Security-Policy that allows only hosts
-- named by the service's external access integrations. The hosts are MapOptions.DarkCartoTiles' subdomains a-d
-- (VALUE_LIST takes no wildcards). 08 attaches the integration to the service.
-- Run with: snow sql -f spcs/sql/04_basemap_access.sql -D database=FLUX_OPS -D service_role=FLUX_SERVICE
USE ROLE ACCOUNTADMIN;
CREATE OR REPLACE NETWORK RULE <% database %>.APPLICATIONS.FLUX_BASEMAP_TILES
    TYPE = HOST_PORT
    VALUE_LIST = ('a.basemaps.cartocdn.com', 'b.basemaps.cartocdn.com', 'c.basemaps.cartocdn.com', 'd.basemaps.cartocdn.com')
    MODE = EGRESS;
CREATE OR REPLACE EXTERNAL ACCESS INTEGRATION FLUX_BASEMAP_ACCESS
    ALLOWED_NETWORK_RULES = (<% database %>.APPLICATIONS.FLUX_BASEMAP_TILES)
    ENABLED = TRUE;
-- CREATE SERVICE ... EXTERNAL_ACCESS_INTEGRATIONS needs USAGE on the integration.
GRANT USAGE ON INTEGRATION FLUX_BASEMAP_ACCESS TO ROLE <% service_role %>;
