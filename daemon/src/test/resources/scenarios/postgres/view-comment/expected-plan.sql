-- driftd reconciliation plan
-- target fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
-- golden fingerprint: bc707d26ecf55a45bdc47291b1a8d601e9f50aca69bec115d50b2b6344add672
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- comment differs
COMMENT ON VIEW tenant_0042.customer_orders IS 'joined';

COMMIT;
