-- Uploads the specification template and creates the service from the pushed image; prints the public endpoint URL.
-- Run with: snow sql -f spcs/sql/03_service.sql -D database=FLUX_OPS -D compute_pool=FLUX_POOL -D warehouse=FLUX_WH
--           -D service_role=FLUX_SERVICE -D image=/flux_ops/applications/flux_images/flux-ops-center:1.0
USE ROLE <% service_role %>;
USE DATABASE <% database %>;
CREATE STAGE IF NOT EXISTS APPLICATIONS.FLUX_SPECS DIRECTORY = (ENABLE = TRUE);
PUT file://spcs/flux-ops-center.yaml @APPLICATIONS.FLUX_SPECS AUTO_COMPRESS = FALSE OVERWRITE = TRUE;
CREATE SERVICE IF NOT EXISTS APPLICATIONS.FLUX_OPS_CENTER
    IN COMPUTE POOL <% compute_pool %>
    FROM @APPLICATIONS.FLUX_SPECS
    SPECIFICATION_TEMPLATE_FILE = 'flux-ops-center.yaml'
    USING (image => '<% image %>', database => '<% database %>', warehouse => '<% warehouse %>')
    MIN_INSTANCES = 1
    MAX_INSTANCES = 1
    QUERY_WAREHOUSE = <% warehouse %>;
SELECT SYSTEM$GET_SERVICE_STATUS('APPLICATIONS.FLUX_OPS_CENTER');
SHOW ENDPOINTS IN SERVICE APPLICATIONS.FLUX_OPS_CENTER;
