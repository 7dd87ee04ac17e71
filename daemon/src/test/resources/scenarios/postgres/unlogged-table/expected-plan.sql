-- driftd reconciliation plan
-- target fingerprint: e72c76b0b6959420498cef1e05893450d966e8ea5b724903e1dfd1fe7199a6d7
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- table persistence differs
-- hazards: access_exclusive_lock, rewrites_table
ALTER TABLE tenant_0042.settings SET LOGGED;

COMMIT;
