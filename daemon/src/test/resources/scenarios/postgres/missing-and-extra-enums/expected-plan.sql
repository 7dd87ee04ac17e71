-- driftd reconciliation plan
-- target fingerprint: 32d95e3d3108431f01be35118b16b26f0e4867ff6d2f139d8fa4083c016b9f6d
-- golden fingerprint: d5a935b2aaa4be0b44387e2f405cb72f43f73ad123823df401f542b87e21056f
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- missing enum type
CREATE TYPE tenant_0042.color AS ENUM ('red', 'green');

-- missing column
-- hazards: access_exclusive_lock
ALTER TABLE tenant_0042.settings ADD COLUMN color color;

-- extra enum type
DROP TYPE tenant_0042.size;

COMMIT;
