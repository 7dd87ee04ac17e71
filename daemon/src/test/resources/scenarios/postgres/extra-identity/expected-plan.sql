-- driftd reconciliation plan
-- target fingerprint: 502d99f7d1ad0c06d40cdad9342140c91f79d467dcf23ebee0b90276ccb1cfe5
-- golden fingerprint: 2e23853d2f9caced7079b33cf1b6086a61ea3c65d89ff8684b86c1b81c86111a
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- column is not an identity in golden
ALTER TABLE tenant_0042.tickets ALTER COLUMN id DROP IDENTITY;

COMMIT;
