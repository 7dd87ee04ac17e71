-- driftd reconciliation plan
-- target fingerprint: 64a916332ca83d442e07934bc94b5936c8c19c92ef43c2500add454aee4a06e5
-- golden fingerprint: b08abeb790049a885fa53c26cc200e69ebe273534ffd0d480da89b19d88d4293
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- materialized view differs: dropped and created again
-- hazards: recreates_dependents
DROP MATERIALIZED VIEW tenant_0042.order_totals;

-- materialized view differs: created with golden's definition
CREATE MATERIALIZED VIEW tenant_0042.order_totals AS
SELECT orders.customer_id,
    sum(orders.total) AS total
   FROM orders
  GROUP BY orders.customer_id;

-- missing index
-- hazards: index_build
CREATE UNIQUE INDEX order_totals_pk ON tenant_0042.order_totals (customer_id);

COMMIT;
