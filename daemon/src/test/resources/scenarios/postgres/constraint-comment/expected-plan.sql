-- driftd reconciliation plan
-- target fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
-- golden fingerprint: b12a9356b8aab6d1f50378d30ebd3eaf5f5716f45a83ce0df979a063c864a367
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- comment differs
COMMENT ON CONSTRAINT price_not_negative ON tenant_0042.orders IS 'no refunds here';

COMMIT;
