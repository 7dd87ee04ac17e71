-- driftd reconciliation plan
-- target fingerprint: a7cf6a54efa54b2978087ece3731d9b6d57e2dc69b14f25c03df001daf58e007
-- golden fingerprint: eea336651950c682cec40b1a14a55b5097a8f1e9aaac1d510577494b7042bea1
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- extra column
-- hazards: access_exclusive_lock, deletes_data
ALTER TABLE tenant_0042.events DROP COLUMN debug;

-- missing column
-- hazards: access_exclusive_lock
ALTER TABLE tenant_0042.events ADD COLUMN source text DEFAULT 'web';

COMMIT;
