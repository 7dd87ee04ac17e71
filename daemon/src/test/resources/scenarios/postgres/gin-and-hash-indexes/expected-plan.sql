-- driftd reconciliation plan
-- target fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
-- golden fingerprint: 7d0501d8132a5f6f49b6379de11e1d569d15dd42c34c1d58b65f88079435f16e
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- missing index
-- hazards: index_build
CREATE INDEX settings_key_hash ON tenant_0042.settings USING hash (key);

-- missing index
-- hazards: index_build
CREATE INDEX settings_value_gin ON tenant_0042.settings USING gin (value);

COMMIT;
