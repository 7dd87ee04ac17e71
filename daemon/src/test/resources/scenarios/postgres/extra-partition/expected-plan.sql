-- driftd reconciliation plan
-- target fingerprint: aae6f57bfa7fb6de6df9066d86ce7ebc0c6ab7b2f13c7ebc4d895d6be86c4830
-- golden fingerprint: 68b8ae88857bac9ee54119de42e06c9104de63a8da834ebaaeafab1d3534dcdf
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- extra table
-- hazards: access_exclusive_lock, deletes_data
DROP TABLE tenant_0042.events_2027;

COMMIT;
