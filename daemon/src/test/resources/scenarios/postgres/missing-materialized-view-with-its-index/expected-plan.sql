-- driftd reconciliation plan
-- target fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
-- golden fingerprint: b08abeb790049a885fa53c26cc200e69ebe273534ffd0d480da89b19d88d4293
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- missing materialized view
CREATE MATERIALIZED VIEW tenant_0042.order_totals AS
SELECT orders.customer_id,
    sum(orders.total) AS total
   FROM orders
  GROUP BY orders.customer_id;

-- missing index
-- hazards: index_build
CREATE UNIQUE INDEX order_totals_pk ON tenant_0042.order_totals (customer_id);

COMMIT;
