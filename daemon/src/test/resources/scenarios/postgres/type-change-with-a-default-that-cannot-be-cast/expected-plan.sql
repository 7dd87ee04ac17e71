-- driftd reconciliation plan
-- target fingerprint: 71369bfe2131d95c9475224e26989fbba63879c4afe3440224b7fa714449c4f7
-- golden fingerprint: a4f3618f5c00b82172922e865856aa48150a4d413c5719e490fa1c09086e6858
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- default dropped for the type change, set again after it
ALTER TABLE tenant_0042.orders ALTER COLUMN note DROP DEFAULT;

-- type differs (character varying(20) -> text)
-- hazards: access_exclusive_lock
ALTER TABLE tenant_0042.orders ALTER COLUMN note TYPE text USING note::text;

-- default of the retyped column
ALTER TABLE tenant_0042.orders ALTER COLUMN note SET DEFAULT 'none';

COMMIT;
