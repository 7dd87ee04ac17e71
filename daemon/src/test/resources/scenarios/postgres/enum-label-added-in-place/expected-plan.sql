-- driftd reconciliation plan
-- target fingerprint: b521cfa250b3c5c9c8dd8637c56481982f6739388d03b16e3c4703f936f6fb9f
-- golden fingerprint: b1f58d2294ce7901093c126b588d3d77662f2026fd1fcd54ad2c902b3ea6992b
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- missing enum label (usable once this transaction commits)
ALTER TYPE tenant_0042.mood ADD VALUE 'ok' AFTER 'sad';

COMMIT;
