-- driftd reconciliation plan
-- target fingerprint: 8cf955872a8ef6157889427e1a7ce17a25d48a7b95a3856a7b191a4d1f9e7a8e
-- golden fingerprint: 68b8ae88857bac9ee54119de42e06c9104de63a8da834ebaaeafab1d3534dcdf
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- type differs (character varying(10) -> text)
-- hazards: access_exclusive_lock
ALTER TABLE tenant_0042.events ALTER COLUMN kind TYPE text USING kind::text;

COMMIT;
