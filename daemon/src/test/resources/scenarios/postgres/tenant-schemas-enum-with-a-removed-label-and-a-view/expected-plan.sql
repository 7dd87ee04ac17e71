-- driftd reconciliation plan
-- target fingerprint: 41d9d4fa3460cf9bfc7d23aac5177b3af178a75622b7b5a1585deda5a35effc7
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- extra view
DROP VIEW tenant_0042.v_moods;

-- enum labels [sad, ok, happy, meh] -> [sad, ok, happy] cannot change in place: the old type is renamed, a new one built
-- hazards: recreates_dependents
ALTER TYPE tenant_0042.mood RENAME TO mood__driftd_old;

-- enum type re-created with golden's labels
CREATE TYPE tenant_0042.mood AS ENUM ('sad', 'ok', 'happy');

-- default dropped for the type change, set again after it
ALTER TABLE tenant_0042.customers ALTER COLUMN mood DROP DEFAULT;

-- its enum type is re-created; fails if a row holds a label golden lacks
-- hazards: access_exclusive_lock, rewrites_table
ALTER TABLE tenant_0042.customers ALTER COLUMN mood TYPE mood USING mood::text::mood;

-- default of the retyped column
ALTER TABLE tenant_0042.customers ALTER COLUMN mood SET DEFAULT 'ok';

-- the replaced enum type, no longer used
DROP TYPE tenant_0042.mood__driftd_old;

COMMIT;
