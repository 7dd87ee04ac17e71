-- driftd reconciliation plan
-- target fingerprint: 67ccca15b43edf06b845dce67cf456f59fc15dd53c4415b343081c15aeed591e
-- golden fingerprint: 44de7ec5f1055afe882fa56a2959e32e76d12eb416da207bfc960a361d19187b
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- default calls a routine that is re-created; set again below
ALTER TABLE tenant_0042.orders ALTER COLUMN note DROP DEFAULT;

-- its arguments or result type differ, which CREATE OR REPLACE cannot change
-- hazards: recreates_dependents
DROP FUNCTION tenant_0042.default_note();

-- re-created with golden's definition
CREATE OR REPLACE FUNCTION default_note()
 RETURNS text
 LANGUAGE sql
AS $function$ SELECT 'hello' $function$;

-- default set again
ALTER TABLE tenant_0042.orders ALTER COLUMN note SET DEFAULT default_note();

COMMIT;
