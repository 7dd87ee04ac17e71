-- driftd reconciliation plan
-- target fingerprint: b8fd26f6d824764205c86e00b636bc3b421ea348c157ab29001e4f1ce10186ad
-- golden fingerprint: 0f0f2a0bb26dd678a10537d2911f247dcf7e91cf705a0f1f53bc76308cbd133e
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- an identity column has no default
ALTER TABLE tenant_0042.jobs ALTER COLUMN id DROP DEFAULT;

-- extra sequence
DROP SEQUENCE tenant_0042.jobs_id_seq;

-- column is an identity in golden
ALTER TABLE tenant_0042.jobs ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;

COMMIT;
