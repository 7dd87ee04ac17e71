-- driftd reconciliation plan
-- target fingerprint: 3db360835e009cb264f78eeecb452c3a946b2ecc43f0a3f7b26de799ec393f60
-- golden fingerprint: 68b8ae88857bac9ee54119de42e06c9104de63a8da834ebaaeafab1d3534dcdf
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- partition bound or parent differs
-- hazards: access_exclusive_lock
ALTER TABLE tenant_0042.events DETACH PARTITION tenant_0042.events_2026;

-- table is a partition in golden
-- hazards: access_exclusive_lock, validates_rows
ALTER TABLE tenant_0042.events ATTACH PARTITION tenant_0042.events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');

COMMIT;
