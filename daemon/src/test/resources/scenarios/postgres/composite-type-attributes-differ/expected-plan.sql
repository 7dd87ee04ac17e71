-- driftd reconciliation plan
-- target fingerprint: 53003cada9ad7a56aff6031c526b713323c713c26197dd5938c2e453b2f8ecbc
-- golden fingerprint: 2a159433296b770b71cf9169c0dfdce8e3fa655646373cae18fddb80954beab1
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- composite type attributes differ
ALTER TYPE tenant_0042.address DROP ATTRIBUTE country, ALTER ATTRIBUTE zip TYPE character varying(12), ADD ATTRIBUTE city text;

COMMIT;
