-- driftd reconciliation plan
-- target fingerprint: 97b18e8a5964a095cbe32b3373f2d3f72d51dc8bb7c3f7fdae8fc937697cafe1
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- check constraint differs: dropped and created again
ALTER TABLE tenant_0042.orders DROP CONSTRAINT price_not_negative;

-- check constraint differs: created with golden's definition
-- hazards: access_exclusive_lock, validates_rows
ALTER TABLE tenant_0042.orders ADD CONSTRAINT price_not_negative CHECK (price >= 0::numeric);

COMMIT;
