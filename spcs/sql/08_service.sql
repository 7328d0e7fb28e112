-- Uploads the specification template and creates the service from the pushed image as the service role, which then
-- owns it: only the owner may grant its endpoint role (GRANT SERVICE ROLE). Prints the containers and the endpoint URL.
-- Run with: snow sql -f spcs/sql/08_service.sql -D database=FLUX_OPS -D compute_pool=FLUX_POOL -D warehouse=FLUX_WH -D service_role=FLUX_SERVICE -D image=/flux_ops/applications/flux_images/flux-ops-center:1.0
USE ROLE <% service_role %>;
USE DATABASE <% database %>;
USE SCHEMA APPLICATIONS;
CREATE STAGE IF NOT EXISTS APPLICATIONS.FLUX_SPECS DIRECTORY = (ENABLE = TRUE);
PUT file://spcs/flux-ops-center.yaml @APPLICATIONS.FLUX_SPECS AUTO_COMPRESS = FALSE OVERWRITE = TRUE;
-- Template values that are not purely alphanumeric must be JSON strings: hence ' "..." ' around each.
CREATE SERVICE IF NOT EXISTS APPLICATIONS.FLUX_OPS_CENTER
    IN COMPUTE POOL <% compute_pool %>
    FROM @APPLICATIONS.FLUX_SPECS
    SPECIFICATION_TEMPLATE_FILE = 'flux-ops-center.yaml'
    USING (image => ' "<% image %>" ', database => ' "<% database %>" ', warehouse => ' "<% warehouse %>" ')
    EXTERNAL_ACCESS_INTEGRATIONS = (FLUX_BASEMAP_ACCESS)
    MIN_INSTANCES = 1
    MAX_INSTANCES = 1
    QUERY_WAREHOUSE = <% warehouse %>;
GRANT SERVICE ROLE APPLICATIONS.FLUX_OPS_CENTER!ALL_ENDPOINTS_USAGE TO ROLE FLUX_VIEWER;
SHOW SERVICE CONTAINERS IN SERVICE APPLICATIONS.FLUX_OPS_CENTER;
-- The ingress URL appears once provisioning finishes; run this line again until it does.
SHOW ENDPOINTS IN SERVICE APPLICATIONS.FLUX_OPS_CENTER;
