-- driftd reconciliation plan
-- target fingerprint: 43938b51bea57b00c134918b40c5ddbfb66bf75e294da465c4b75073c837c19b
-- golden fingerprint: bfb86a82d7b06b86a5ce8759fd057e7311524132eb11e5f313cc6ce331840c8d
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- missing procedure
CREATE OR REPLACE PROCEDURE archive(IN days integer)
 LANGUAGE plpgsql
AS $procedure$ BEGIN PERFORM days; END $procedure$;

-- procedure definition differs
CREATE OR REPLACE PROCEDURE cleanup()
 LANGUAGE sql
AS $procedure$ DELETE FROM settings WHERE value IS NULL $procedure$;

COMMIT;
