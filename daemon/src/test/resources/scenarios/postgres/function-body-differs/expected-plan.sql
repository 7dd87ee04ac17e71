-- driftd reconciliation plan
-- target fingerprint: 21788b63a04cc9f91bd9b3c4a3d6cc1a88221b3a975d0f6a6d4ae441ceb5ebed
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- function definition differs
CREATE OR REPLACE FUNCTION touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    BEGIN NEW.note := coalesce(NEW.note, 'x'); RETURN NEW; END $function$;

COMMIT;
