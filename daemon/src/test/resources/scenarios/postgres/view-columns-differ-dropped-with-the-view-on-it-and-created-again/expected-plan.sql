-- driftd reconciliation plan
-- target fingerprint: 033a21d3d7da14de9554a9ac265c5a718f704c1c9d6d06d4b4b50b53538fb58e
-- golden fingerprint: f9445d5642713c8a7b8b2dd12f884ef023b40a18bebe7768b1a84c5680aa32f5
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- view re-created because it needs view customer_orders, which is dropped
-- hazards: recreates_dependents
DROP VIEW tenant_0042.top_customers;

-- view differs: dropped and created again
-- hazards: recreates_dependents
DROP VIEW tenant_0042.customer_orders;

-- view differs: created with golden's definition
CREATE VIEW tenant_0042.customer_orders AS
SELECT c.id,
    c.email,
    o.qty
   FROM customers c
     JOIN orders o ON o.customer_id = c.id;

-- view re-created because it needs view customer_orders, which is dropped
CREATE VIEW tenant_0042.top_customers AS
SELECT DISTINCT customer_orders.email
   FROM customer_orders;

COMMIT;
