-- driftd reconciliation plan
-- target fingerprint: 307aa54e7159d97d3a9eba7bfa8b13772214938ab7c368dfdabd597ad7ba77fa
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- type differs (character varying(100) -> character varying(100))
-- hazards: access_exclusive_lock, rewrites_table
ALTER TABLE tenant_0042.customers ALTER COLUMN name TYPE character varying(100) USING name::character varying(100);

COMMIT;
