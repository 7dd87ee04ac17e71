-- driftd reconciliation plan
-- target fingerprint: 9b310a5c85da71522197aa2cc0bc51adda5dcef9dbeb560ef2a571ad8a7689c2
-- golden fingerprint: 6508833d0b779afeb2be346a8c48a8f5443409214b934e7354d84bbb4ef1f965
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- foreign key re-created around the change of the key it references
ALTER TABLE tenant_0042.things DROP CONSTRAINT things_kind_fkey;

-- primary key differs: dropped and created again
-- hazards: index_dropped
ALTER TABLE tenant_0042.kinds DROP CONSTRAINT kinds_pkey;

-- extra unique constraint
-- hazards: index_dropped
ALTER TABLE tenant_0042.kinds DROP CONSTRAINT kinds_code_key;

-- primary key differs: created with golden's definition
-- hazards: access_exclusive_lock, index_build, validates_rows
ALTER TABLE tenant_0042.kinds ADD CONSTRAINT kinds_pkey PRIMARY KEY (code);

-- foreign key re-created around the change of the key it references (not validated yet)
ALTER TABLE tenant_0042.things ADD CONSTRAINT things_kind_fkey FOREIGN KEY (kind) REFERENCES tenant_0042.kinds (code) NOT VALID;

-- checks existing rows against the new foreign key
-- hazards: validates_rows
ALTER TABLE tenant_0042.things VALIDATE CONSTRAINT things_kind_fkey;

COMMIT;
