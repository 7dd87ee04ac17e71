-- driftd reconciliation plan
-- target fingerprint: ff31f626e8e8b8cedab5b2c122b39af62779946c0a8f5fc48545102a5ea3550f
-- golden fingerprint: bbec1cd1fc32c88e75161866300f8aadb0f8721bd30be8f94e43d96ceb0af968
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- its kind or partition key differs, which cannot be altered: dropped and created again
-- hazards: access_exclusive_lock, deletes_data
DROP TABLE tenant_0042.metrics;

-- table created again with golden's shape
-- hazards: deletes_data
CREATE TABLE tenant_0042.metrics (
    at date NOT NULL,
    v integer
) PARTITION BY RANGE (at);

-- missing table
CREATE TABLE tenant_0042.metrics_all PARTITION OF tenant_0042.metrics FOR VALUES FROM (MINVALUE) TO (MAXVALUE);

COMMIT;
