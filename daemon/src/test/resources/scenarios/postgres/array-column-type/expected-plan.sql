-- driftd reconciliation plan
-- target fingerprint: f370fcca4893cc6b21c90ee1c39571bb05e12dd86ee22ac0a7dfb143228d4677
-- golden fingerprint: 2eee077eeb0ef524df2616b4b20dc1f4508e50cf9db73b6a828517a4bba3ea33
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- default dropped for the type change, set again after it
ALTER TABLE tenant_0042.customers ALTER COLUMN tags DROP DEFAULT;

-- type differs (text -> text[])
-- hazards: access_exclusive_lock, rewrites_table
ALTER TABLE tenant_0042.customers ALTER COLUMN tags TYPE text[] USING tags::text[];

-- default of the retyped column
ALTER TABLE tenant_0042.customers ALTER COLUMN tags SET DEFAULT '{}';

-- column is NOT NULL in golden
-- hazards: access_exclusive_lock, validates_rows
ALTER TABLE tenant_0042.customers ALTER COLUMN tags SET NOT NULL;

COMMIT;
