-- driftd reconciliation plan
-- target fingerprint: 14ff39c83e4a75e3bd76b0662250d409222384d88104951e43037e5c076c5107
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- generated expression differs (qty::numeric * price * 2::numeric -> qty::numeric * price); PostgreSQL 15 cannot change it in place, so the column is dropped and added again
-- hazards: access_exclusive_lock, deletes_data
ALTER TABLE tenant_0042.orders DROP COLUMN total;

-- column added again with golden's definition
-- hazards: access_exclusive_lock, deletes_data, rewrites_table
ALTER TABLE tenant_0042.orders ADD COLUMN total numeric GENERATED ALWAYS AS (qty::numeric * price) STORED;

COMMIT;
