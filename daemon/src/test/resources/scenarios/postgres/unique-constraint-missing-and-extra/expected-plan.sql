-- driftd reconciliation plan
-- target fingerprint: d76c55f1a61ec52381dd5737a9f222c1ca9364907c32ab05957c077943d577e7
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- extra unique constraint
-- hazards: index_dropped
ALTER TABLE tenant_0042.settings DROP CONSTRAINT settings_value_key;

-- missing unique constraint
-- hazards: access_exclusive_lock, index_build, validates_rows
ALTER TABLE tenant_0042.customers ADD CONSTRAINT customers_email_key UNIQUE (email);

COMMIT;
