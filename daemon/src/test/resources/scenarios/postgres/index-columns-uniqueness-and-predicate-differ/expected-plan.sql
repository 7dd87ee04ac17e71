-- driftd reconciliation plan
-- target fingerprint: c835b8fb397f6f2d7b713243cfbf033606fc606176b6f2f34f4c7f9ed6947852
-- golden fingerprint: 458cb8f17065abfdeba75994c79f62e1c78f836e413e21de0c77a7628f573a8f
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- index differs: dropped and created again
-- hazards: index_dropped
DROP INDEX tenant_0042.settings_partial;

-- index differs: created with golden's definition
-- hazards: index_build
CREATE UNIQUE INDEX settings_partial ON tenant_0042.settings (key) WHERE value IS NOT NULL;

COMMIT;
