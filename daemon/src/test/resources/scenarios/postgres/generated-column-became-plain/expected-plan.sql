-- driftd reconciliation plan
-- target fingerprint: 726defe2e8c4b4153b60c4ba7d1a8e98c615e41751065a2c0493380d41ba8c6a
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- generated expression differs (plain column -> qty::numeric * price); PostgreSQL 15 cannot change it in place, so the column is dropped and added again, losing its values
-- hazards: access_exclusive_lock, deletes_data
ALTER TABLE tenant_0042.orders DROP COLUMN total;

-- column added again with golden's definition
-- hazards: access_exclusive_lock, deletes_data, rewrites_table
ALTER TABLE tenant_0042.orders ADD COLUMN total numeric GENERATED ALWAYS AS (qty::numeric * price) STORED;

COMMIT;
