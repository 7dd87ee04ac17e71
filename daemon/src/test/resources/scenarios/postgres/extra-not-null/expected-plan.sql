-- driftd reconciliation plan
-- target fingerprint: b4c2ce5357132917bcf7f1520c5a424b9ba1eaaaebe2279bced17e44fcc1077b
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- column is nullable in golden
ALTER TABLE tenant_0042.orders ALTER COLUMN note DROP NOT NULL;

COMMIT;
