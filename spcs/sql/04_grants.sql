-- Lets the service read the dashboard's views and lets operators open its public endpoint.
-- Run as the owner of the data: snow sql -f spcs/sql/04_grants.sql -D database=FLUX_OPS -D service_role=FLUX_SERVICE -D operator_role=FLUX_OPERATOR
GRANT USAGE ON DATABASE <% database %> TO ROLE <% service_role %>;
GRANT USAGE ON ALL SCHEMAS IN DATABASE <% database %> TO ROLE <% service_role %>;
GRANT SELECT ON ALL TABLES IN DATABASE <% database %> TO ROLE <% service_role %>;
GRANT SELECT ON ALL VIEWS IN DATABASE <% database %> TO ROLE <% service_role %>;
GRANT SELECT ON FUTURE TABLES IN DATABASE <% database %> TO ROLE <% service_role %>;
GRANT SELECT ON FUTURE VIEWS IN DATABASE <% database %> TO ROLE <% service_role %>;
-- The app's own write-side tables (acknowledgements, audit) live in APPLICATIONS.
GRANT INSERT, UPDATE ON ALL TABLES IN SCHEMA <% database %>.APPLICATIONS TO ROLE <% service_role %>;
-- Operators sign in through the SPCS ingress; the app sees them as Sf-Context-Current-User.
CREATE ROLE IF NOT EXISTS <% operator_role %>;
GRANT SERVICE ROLE <% database %>.APPLICATIONS.FLUX_OPS_CENTER!ALL_ENDPOINTS_USAGE TO ROLE <% operator_role %>;
