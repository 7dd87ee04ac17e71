-- driftd reconciliation plan
-- target fingerprint: c515ee4077cbc50220b7777a4e8c4ac7c9204e6f0f0fb9979300860729847782
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- missing column
-- hazards: access_exclusive_lock
ALTER TABLE tenant_0042.orders ADD COLUMN note text;

COMMIT;
