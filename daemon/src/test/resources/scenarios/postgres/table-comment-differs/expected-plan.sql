-- driftd reconciliation plan
-- target fingerprint: cadead289aceec8243e0b7f2ab7ed63b8d72c066696d8b0b545dfd68e988bddb
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- comment differs
COMMENT ON TABLE tenant_0042.customers IS 'people who buy';

COMMIT;
