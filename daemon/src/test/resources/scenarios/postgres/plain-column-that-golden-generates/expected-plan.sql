-- driftd reconciliation plan
-- target fingerprint: 56c77b6e83d66fd933021b326678a6abdf3e7a75136a4654861c425f78a6ce8a
-- golden fingerprint: ca261dcd180fa472907f125acfb192bb7ff6141b606a061308ae932280b8a756
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- generated expression differs (plain column -> qty::integer * 2); PostgreSQL 15 cannot change it in place, so the column is dropped and added again, losing its values
-- hazards: access_exclusive_lock, deletes_data
ALTER TABLE tenant_0042.orders DROP COLUMN doubled;

-- column added again with golden's definition
-- hazards: access_exclusive_lock, deletes_data, rewrites_table
ALTER TABLE tenant_0042.orders ADD COLUMN doubled integer GENERATED ALWAYS AS (qty::integer * 2) STORED;

COMMIT;
