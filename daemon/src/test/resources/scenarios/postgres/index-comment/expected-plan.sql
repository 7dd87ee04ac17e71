-- driftd reconciliation plan
-- target fingerprint: c18d199e57a2be4bb19851ceaade232e7e2e239ed28439bf7801a894ca2515d3
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- comment differs
COMMENT ON INDEX tenant_0042.orders_customer_idx IS NULL;

COMMIT;
