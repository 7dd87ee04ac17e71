-- driftd reconciliation plan
-- target fingerprint: 7b3d7146e72648cf7ba79fec5140b80ba3182f81353c8195a0b82450a832cd49
-- golden fingerprint: 65a502fbe248baba2336ad9b58ee95b1d9e92e327bebb21467cadf348e0a551e
SET lock_timeout = '10s';
SET check_function_bodies = false;
SET search_path = tenant_0042;
BEGIN;

-- missing table
CREATE TABLE tenant_0042.gifts (
    id integer NOT NULL,
    during tstzrange
);

-- missing primary key
ALTER TABLE tenant_0042.gifts ADD CONSTRAINT gifts_pkey PRIMARY KEY (id);

-- missing exclusion constraint
ALTER TABLE tenant_0042.gifts ADD CONSTRAINT gifts_during_excl EXCLUDE USING gist (during WITH &&);

-- comment as in golden
COMMENT ON INDEX tenant_0042.gifts_pkey IS 'gifts by id';

-- comment as in golden
COMMENT ON INDEX tenant_0042.gifts_during_excl IS 'no two gifts at once';

-- comment differs
COMMENT ON INDEX tenant_0042.customers_pkey IS 'customers by id';

-- comment differs
COMMENT ON CONSTRAINT customers_pkey ON tenant_0042.customers IS 'the key';

-- comment differs
COMMENT ON INDEX tenant_0042.orders_pkey IS NULL;

-- comment differs
COMMENT ON INDEX tenant_0042.customers_email_key IS 'one customer per email';

COMMIT;
