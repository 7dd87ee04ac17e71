-- driftd reconciliation plan
-- target fingerprint: 9d296d0fac7ad2cdb9b95a338d86dcf79ee4d47db07ccaf275cc1585bd2f9e65
-- golden fingerprint: fe3e1eb1972d5242b20f5957753dbe9be8d83a995395a8972d98de0dc58f5511
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- missing table
CREATE TABLE tenant_0042.sales_eu PARTITION OF tenant_0042.sales FOR VALUES IN ('de', 'fr') PARTITION BY RANGE (at);

-- missing table
CREATE TABLE tenant_0042.sales_eu_2025 PARTITION OF tenant_0042.sales_eu FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

COMMIT;
