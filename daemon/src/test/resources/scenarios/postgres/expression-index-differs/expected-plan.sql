-- driftd reconciliation plan
-- target fingerprint: bcb160493ce376f73725e98e96c06237855a6d2798b5a4f9acb691527cbae87c
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- index differs: dropped and created again
-- hazards: index_dropped
DROP INDEX tenant_0042.customers_lower_email;

-- index differs: created with golden's definition
-- hazards: index_build
CREATE INDEX customers_lower_email ON tenant_0042.customers ((lower(email)));

COMMIT;
