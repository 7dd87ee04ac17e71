-- driftd reconciliation plan
-- target fingerprint: 368c2b70951a4497c6350a37ca4fcc58c2dc885857ecc9dc55bc9feec3b7645f
-- golden fingerprint: fcf4e782936fd79b69d20ea2f9181c3dcd819a9d1ca59333f1d56b1acb4e5464
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- policy differs: dropped and created again
DROP POLICY visible ON tenant_0042.settings;

-- type differs (character varying(64) -> text)
-- hazards: access_exclusive_lock
ALTER TABLE tenant_0042.settings ALTER COLUMN key TYPE text USING key::text;

-- policy differs: created with golden's definition
CREATE POLICY visible ON tenant_0042.settings AS PERMISSIVE FOR ALL TO PUBLIC USING (key <> 'secret'::text);

COMMIT;
