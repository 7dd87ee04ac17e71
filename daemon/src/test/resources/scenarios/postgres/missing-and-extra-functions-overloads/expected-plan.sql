-- driftd reconciliation plan
-- target fingerprint: ee4c4879af871fd46ae2b856e9ce15a6417c7ff637ef0e7233665a4f9f035018
-- golden fingerprint: 82f4e4e2f22371207715422b4d4583bb4ef968e823c982b0237a3a0bd9ade5ca
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- missing function
CREATE OR REPLACE FUNCTION add(a numeric, b numeric)
 RETURNS numeric
 LANGUAGE sql
AS $function$ SELECT a + b $function$;

-- extra function
DROP FUNCTION tenant_0042.add(a integer, b integer, c integer);

COMMIT;
