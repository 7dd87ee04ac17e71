-- driftd reconciliation plan
-- target fingerprint: fca01237a9cda5311bb96fcae5864e34a0f1af822f44a8e0a3fdff7e9bb10731
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- extra index
-- hazards: index_dropped
DROP INDEX tenant_0042.orders_note;

COMMIT;
