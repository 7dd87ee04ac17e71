-- driftd reconciliation plan
-- target fingerprint: c2e2c919d4c9e468bfff9a90c973e1657a5593df4fe434031066482c294c8b61
-- golden fingerprint: afe8246944de4ed862ab7f328c9bdc994ed0ab834de19e4f2215d4ead1bae098
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- view differs: dropped and created again
-- hazards: recreates_dependents
DROP VIEW tenant_0042.cheap;

-- view differs: created with golden's definition
CREATE VIEW tenant_0042.cheap WITH (security_barrier=true) AS
SELECT orders.id,
    orders.customer_id,
    orders.no,
    orders.qty,
    orders.price,
    orders.total,
    orders.note
   FROM orders
  WHERE orders.price < 10::numeric
 WITH LOCAL CHECK OPTION;

COMMIT;
