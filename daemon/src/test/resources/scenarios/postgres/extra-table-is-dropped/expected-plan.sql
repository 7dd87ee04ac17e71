-- driftd reconciliation plan
-- target fingerprint: 1f77672f11f44dbb08892e1f9648fb7d57871a457cfe2a4f9892a80122d67999
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- extra table
-- hazards: access_exclusive_lock, deletes_data
DROP TABLE tenant_0042.scratch;

COMMIT;
