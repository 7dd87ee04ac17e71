-- driftd reconciliation plan
-- target fingerprint: 44396775166eca172c3740a3bc027306b5e02f6ffb19b698dea456d36c56dec8
-- golden fingerprint: 3d452063ac307621dc8f2b15bb0f72a9c39d19ddabf9e9a81c99bbe320b94ea5
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- unique constraint differs: dropped and created again
-- hazards: index_dropped
ALTER TABLE tenant_0042.orders DROP CONSTRAINT orders_no_key;

-- unique constraint differs: created with golden's definition
-- hazards: access_exclusive_lock, index_build, validates_rows
ALTER TABLE tenant_0042.orders ADD CONSTRAINT orders_no_key UNIQUE NULLS NOT DISTINCT (no) DEFERRABLE INITIALLY DEFERRED;

COMMIT;
