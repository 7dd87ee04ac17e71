-- driftd reconciliation plan
-- target fingerprint: d8f4f2d6bfbac2861d88ec6192a433cb0433857d69427f691280bba26e1b8bf8
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- extra column
-- hazards: access_exclusive_lock, deletes_data
ALTER TABLE tenant_0042.customers DROP COLUMN nickname;

COMMIT;
