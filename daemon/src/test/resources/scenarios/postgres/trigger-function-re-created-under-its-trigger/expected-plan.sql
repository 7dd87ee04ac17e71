-- driftd reconciliation plan
-- target fingerprint: cc2c592a189ed18c61ae9ffdcdc7e0a3c4ec4bab88fc1106423a873c6f171107
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
