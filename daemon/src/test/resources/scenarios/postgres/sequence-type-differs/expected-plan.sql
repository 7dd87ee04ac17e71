-- driftd reconciliation plan
-- target fingerprint: 132525aa1d6506b71172f69cf75134e026f78aafd733cc62844a5bf757f3c5ba
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- sequence options differ
ALTER SEQUENCE tenant_0042.order_no AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1000 CACHE 1 NO CYCLE;

COMMIT;
