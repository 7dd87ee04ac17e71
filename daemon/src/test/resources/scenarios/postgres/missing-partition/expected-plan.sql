-- driftd reconciliation plan
-- target fingerprint: 08c9c4c5a7cd8862a0edfa45a8d706e06a47a34f1c60898a4a021a8d2501407d
-- golden fingerprint: 68b8ae88857bac9ee54119de42e06c9104de63a8da834ebaaeafab1d3534dcdf
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- missing table
CREATE TABLE tenant_0042.events_2026 PARTITION OF tenant_0042.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');

COMMIT;
