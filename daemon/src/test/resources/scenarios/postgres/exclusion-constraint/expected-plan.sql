-- driftd reconciliation plan
-- target fingerprint: 602cdab9936042519dac9f6d2294bd9e04785d34aa6134e9cc6dcef7e457f057
-- golden fingerprint: 91b6c06a5ea84a38e4c5fe38dff9150622430cfffdc0579c0a3fbfe68eac5e72
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- missing exclusion constraint
-- hazards: access_exclusive_lock, index_build, validates_rows
ALTER TABLE tenant_0042.bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&);

COMMIT;
