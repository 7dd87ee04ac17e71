-- driftd reconciliation plan
-- target fingerprint: bb9cf95fce88cc13c7fc1149ba83487c9570b7c4995a044e82e6204abb7fadb4
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- type differs (character varying(50) -> character varying(100))
-- hazards: access_exclusive_lock
ALTER TABLE tenant_0042.customers ALTER COLUMN name TYPE character varying(100) USING name::character varying(100);

COMMIT;
