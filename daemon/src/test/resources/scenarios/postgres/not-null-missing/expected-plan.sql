-- driftd reconciliation plan
-- target fingerprint: 6b0806e30b327409b65b2d7fd72b76cabe72956d0d28fdd05f28d7e0bcebf3db
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- column is NOT NULL in golden
-- hazards: access_exclusive_lock, validates_rows
ALTER TABLE tenant_0042.customers ALTER COLUMN email SET NOT NULL;

COMMIT;
