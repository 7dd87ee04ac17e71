-- driftd reconciliation plan
-- target fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
-- golden fingerprint: 5f9739904497fafaf05bb9846788c5e8ad562140e245687f916bd1c84d062186
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- comment differs
COMMENT ON TYPE tenant_0042.mood IS 'feelings';

-- comment differs
COMMENT ON DOMAIN tenant_0042.posint IS 'positive';

-- comment differs
COMMENT ON TYPE tenant_0042.address IS 'where';

COMMIT;
