-- driftd reconciliation plan
-- target fingerprint: 3eec921f817cf83ad2d75be5432fb813320e3c08cb9abe1dcf03a08de2605b16
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- extra materialized view (its stored rows are lost)
-- hazards: deletes_data
DROP MATERIALIZED VIEW tenant_0042.cache;

COMMIT;
