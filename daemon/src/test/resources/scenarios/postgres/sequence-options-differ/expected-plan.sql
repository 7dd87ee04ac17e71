-- driftd reconciliation plan
-- target fingerprint: 39cc314c046dd0d832c6bcf4ac9f890b530e807917283e2b48d20bb9c229bbe7
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- sequence options differ
ALTER SEQUENCE tenant_0042.order_no AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1000 CACHE 1 NO CYCLE;

COMMIT;
