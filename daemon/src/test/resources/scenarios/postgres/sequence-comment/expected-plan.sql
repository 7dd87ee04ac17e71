-- driftd reconciliation plan
-- target fingerprint: 89fe3af480c51c197f3d98691983d2bcc14b1d21958249259527e5cdbdfd67dc
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- comment differs
COMMENT ON SEQUENCE tenant_0042.order_no IS NULL;

COMMIT;
