-- driftd reconciliation plan
-- target fingerprint: 7febba3abee5ee723caeee519c098b1f060520be298369cd27e3fd715862a5de
-- golden fingerprint: 0cfa39444fd88481cd5650e12f27d502f0bf70bde2ff9953186ac39db70aa565
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- primary key differs: dropped and created again
-- hazards: index_dropped
ALTER TABLE tenant_0042.pairs DROP CONSTRAINT pairs_pkey;

-- primary key differs: created with golden's definition
-- hazards: access_exclusive_lock, index_build, validates_rows
ALTER TABLE tenant_0042.pairs ADD CONSTRAINT pairs_pkey PRIMARY KEY (a, b);

COMMIT;
