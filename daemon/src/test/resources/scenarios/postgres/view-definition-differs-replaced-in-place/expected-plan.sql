-- driftd reconciliation plan
-- target fingerprint: 2e46b237087f652aebb0d9c950c718e4e353b6aec9bdc9d4d521175ed94d5382
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- view definition differs (replaced in place)
CREATE OR REPLACE VIEW tenant_0042.customer_orders AS
SELECT c.id,
    c.email,
    o.qty
   FROM customers c
     JOIN orders o ON o.customer_id = c.id;

COMMIT;
