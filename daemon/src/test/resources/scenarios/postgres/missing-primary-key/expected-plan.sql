-- driftd reconciliation plan
-- target fingerprint: a01d450def9912de9394f693a042241c0231b4b4186c35437e40a9ebf1708d37
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- missing primary key
-- hazards: access_exclusive_lock, index_build, validates_rows
ALTER TABLE tenant_0042.settings ADD CONSTRAINT settings_pkey PRIMARY KEY (key);

COMMIT;
