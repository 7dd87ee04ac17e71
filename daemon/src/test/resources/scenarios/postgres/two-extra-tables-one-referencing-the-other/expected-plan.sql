-- driftd reconciliation plan
-- target fingerprint: cbfa4c82094c9d381e78ad49c5569af2ba08738269ee25fe9e0c21f4a038ef18
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- extra table
-- hazards: access_exclusive_lock, deletes_data
DROP TABLE tenant_0042.z_child;

-- extra table
-- hazards: access_exclusive_lock, deletes_data
DROP TABLE tenant_0042.a_parent;

COMMIT;
