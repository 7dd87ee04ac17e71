-- driftd reconciliation plan
-- target fingerprint: 8a7aa68861942db486c46ccf7b06a82700018737a2df1418b7054f56895d8fbb
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- extra check constraint
ALTER TABLE tenant_0042.customers DROP CONSTRAINT email_has_at;

-- missing check constraint
-- hazards: access_exclusive_lock, validates_rows
ALTER TABLE tenant_0042.orders ADD CONSTRAINT price_not_negative CHECK (price >= 0::numeric);

COMMIT;
