-- driftd reconciliation plan
-- target fingerprint: a35bf08e14f889fe9c9659a4021b20478fd92ba3bfc462af31f18c60267fc096
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- missing index
-- hazards: index_build
CREATE INDEX orders_customer_idx ON tenant_0042.orders (customer_id);

COMMIT;
