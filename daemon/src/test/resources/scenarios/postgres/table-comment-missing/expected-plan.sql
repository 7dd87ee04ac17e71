-- driftd reconciliation plan
-- target fingerprint: 4c8bd3fe02ce82ff5b65cc72e9a12adaba3c12a25da8fbe4eb4a4fc5cae6cbed
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- comment differs
COMMENT ON TABLE tenant_0042.customers IS 'people who buy';

COMMIT;
