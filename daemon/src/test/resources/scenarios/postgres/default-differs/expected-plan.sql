-- driftd reconciliation plan
-- target fingerprint: b1f58d2294ce7901093c126b588d3d77662f2026fd1fcd54ad2c902b3ea6992b
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- default differs
ALTER TABLE tenant_0042.customers ALTER COLUMN mood SET DEFAULT 'ok';

COMMIT;
