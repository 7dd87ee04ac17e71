-- driftd reconciliation plan
-- target fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
-- golden fingerprint: 89b7ce9ee0ad2d65f9f4e3d8ec4774b176cf9d98f495d97194b18c3c64aef086
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- missing domain
CREATE DOMAIN tenant_0042.email AS text COLLATE "C" CONSTRAINT email_check CHECK (VALUE ~~ '%@%'::text);

-- missing column
-- hazards: access_exclusive_lock
ALTER TABLE tenant_0042.settings ADD COLUMN owner email;

COMMIT;
