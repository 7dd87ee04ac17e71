\ir ../shop.sql
COMMENT ON INDEX customers_pkey IS 'customers by id';
COMMENT ON INDEX customers_email_key IS 'one customer per email';
CREATE TABLE gifts (id int PRIMARY KEY, during tstzrange, EXCLUDE USING gist (during WITH &&));
COMMENT ON INDEX gifts_pkey IS 'gifts by id';
COMMENT ON INDEX gifts_during_excl IS 'no two gifts at once';
COMMENT ON CONSTRAINT customers_pkey ON customers IS 'the key';
