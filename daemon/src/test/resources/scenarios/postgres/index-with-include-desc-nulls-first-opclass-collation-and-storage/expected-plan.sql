-- driftd reconciliation plan
-- target fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
-- golden fingerprint: 96dc10dff99f09cc2f8114130313dcd68dd54194c91125b8acbeae4ce6db7920
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- missing index
-- hazards: index_build
CREATE INDEX orders_cover ON tenant_0042.orders (customer_id DESC NULLS LAST, note COLLATE "C" text_pattern_ops) INCLUDE (qty) WITH (fillfactor=80);

COMMIT;
