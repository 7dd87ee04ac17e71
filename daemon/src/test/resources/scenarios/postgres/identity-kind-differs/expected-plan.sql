-- driftd reconciliation plan
-- target fingerprint: 6836e6060bb07e6f8e57cf618654f3aa015dbaf34b24f53dea1af5578564a5b4
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- identity kind differs
ALTER TABLE tenant_0042.customers ALTER COLUMN id SET GENERATED ALWAYS;

COMMIT;
