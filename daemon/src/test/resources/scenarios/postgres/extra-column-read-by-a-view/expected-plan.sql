-- driftd reconciliation plan
-- target fingerprint: 8e7efa57517e9d55662e5715562e19d69ffb3960cf8ac629d5577e527edca565
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- extra view
DROP VIEW tenant_0042.vips;

-- extra column
-- hazards: access_exclusive_lock, deletes_data
ALTER TABLE tenant_0042.customers DROP COLUMN vip;

COMMIT;
