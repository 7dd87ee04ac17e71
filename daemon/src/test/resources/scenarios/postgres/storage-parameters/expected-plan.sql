-- driftd reconciliation plan
-- target fingerprint: a8872a763d7b2315fdc57d106d6fd6aeacd4e296f1d3ee95795cbe6a29e7d8f7
-- golden fingerprint: 5c223a468006f7f61070451d7826657b1377945e8798dcfe9c5f1d898c548f77
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- storage parameters differ
ALTER TABLE tenant_0042.orders SET (fillfactor=70);

-- storage parameters differ
ALTER TABLE tenant_0042.settings RESET (autovacuum_enabled);

COMMIT;
