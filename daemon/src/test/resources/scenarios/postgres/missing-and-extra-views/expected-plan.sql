-- driftd reconciliation plan
-- target fingerprint: 09269245d8a833506a6df46a9aa16486762673eb7a734094ce50d9fb9017b5eb
-- golden fingerprint: ca012d21072eca61dafa9ad5e58505a2bd7d1048993e0fdf4022f070fea0a5bb
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- extra view
DROP VIEW tenant_0042.quiet;

-- missing view
CREATE VIEW tenant_0042.busy AS
SELECT orders.customer_id,
    count(*) AS n
   FROM orders
  GROUP BY orders.customer_id;

COMMIT;
