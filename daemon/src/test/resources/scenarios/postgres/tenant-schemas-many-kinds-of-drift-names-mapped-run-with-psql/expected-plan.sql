-- driftd reconciliation plan
-- target fingerprint: d8644d8487bafc97d25bb5d6f02f6c410a14239f67fae312de457ac29a5fbdac
-- golden fingerprint: 75c3b097a1eb70817b91ec27e8473b3d28524bf20cf0f7c67ae58b28c575b648
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- extra index
-- hazards: index_dropped
DROP INDEX tenant_0042.customers_extra;

-- enum labels [sad, ok, happy, angry] -> [sad, ok, happy] cannot change in place: the old type is renamed, a new one built
-- hazards: recreates_dependents
ALTER TYPE tenant_0042.mood RENAME TO mood__driftd_old;

-- enum type re-created with golden's labels
CREATE TYPE tenant_0042.mood AS ENUM ('sad', 'ok', 'happy');

-- missing domain check
-- hazards: validates_rows
ALTER DOMAIN tenant_0042.posint ADD CONSTRAINT posint_check CHECK (VALUE > 0);

-- type differs (character varying(20) -> character varying(100))
-- hazards: access_exclusive_lock
ALTER TABLE tenant_0042.customers ALTER COLUMN name TYPE character varying(100) USING name::character varying(100);

-- default dropped for the type change, set again after it
ALTER TABLE tenant_0042.customers ALTER COLUMN mood DROP DEFAULT;

-- its enum type is re-created; fails if a row holds a label golden lacks
-- hazards: access_exclusive_lock, rewrites_table
ALTER TABLE tenant_0042.customers ALTER COLUMN mood TYPE mood USING mood::text::mood;

-- default of the retyped column
ALTER TABLE tenant_0042.customers ALTER COLUMN mood SET DEFAULT 'ok';

-- missing index
-- hazards: index_build
CREATE INDEX customers_lower_email ON tenant_0042.customers ((lower(email)));

-- missing trigger
CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch();

-- comment differs
COMMENT ON TABLE tenant_0042.customers IS 'people who buy';

-- the replaced enum type, no longer used
DROP TYPE tenant_0042.mood__driftd_old;

COMMIT;
