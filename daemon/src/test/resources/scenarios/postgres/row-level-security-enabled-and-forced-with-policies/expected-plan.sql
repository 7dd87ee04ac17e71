-- driftd reconciliation plan
-- target fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
-- golden fingerprint: c94e313090318b5063d8984cd7db0a2937273d7a8a6de1fa6f5e7f309a5ac53d
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- row-level security enabled in golden
ALTER TABLE tenant_0042.orders ENABLE ROW LEVEL SECURITY;

-- row-level security forced in golden
ALTER TABLE tenant_0042.orders FORCE ROW LEVEL SECURITY;

-- missing policy
CREATE POLICY no_big ON tenant_0042.orders AS RESTRICTIVE FOR INSERT TO PUBLIC WITH CHECK (qty::integer < 100);

-- missing policy
CREATE POLICY own_orders ON tenant_0042.orders AS PERMISSIVE FOR SELECT TO PUBLIC USING (customer_id > 0);

COMMIT;
