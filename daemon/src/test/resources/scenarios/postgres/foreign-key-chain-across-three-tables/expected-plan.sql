-- driftd reconciliation plan
-- target fingerprint: 867a4c918bd7c79ec2bbac39816ca90219b7a8212ce19d96c5105dcd19e28a66
-- golden fingerprint: 01432ebe8fb3f9c6a16f5b6f1a4eab92a42f22261de4a4a29733035381ec137a
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- foreign key re-created around the change of column b.a_id
ALTER TABLE tenant_0042.b DROP CONSTRAINT b_a_id_fkey;

-- type differs (smallint -> integer)
-- hazards: access_exclusive_lock, rewrites_table
ALTER TABLE tenant_0042.a ALTER COLUMN id TYPE integer USING id::integer;

-- type differs (smallint -> integer)
-- hazards: access_exclusive_lock, rewrites_table
ALTER TABLE tenant_0042.b ALTER COLUMN a_id TYPE integer USING a_id::integer;

-- foreign key re-created around the change of column b.a_id (not validated yet)
ALTER TABLE tenant_0042.b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES tenant_0042.a (id) NOT VALID;

-- checks existing rows against the new foreign key
-- hazards: validates_rows
ALTER TABLE tenant_0042.b VALIDATE CONSTRAINT b_a_id_fkey;

-- missing foreign key (not validated yet)
ALTER TABLE tenant_0042.c ADD CONSTRAINT c_b_id_fkey FOREIGN KEY (b_id) REFERENCES tenant_0042.b (id) NOT VALID;

-- checks existing rows against the new foreign key
-- hazards: validates_rows
ALTER TABLE tenant_0042.c VALIDATE CONSTRAINT c_b_id_fkey;

COMMIT;
