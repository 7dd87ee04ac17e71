\ir ../shop.sql
ALTER TABLE customers DROP CONSTRAINT customers_email_key; ALTER TABLE settings ADD CONSTRAINT settings_value_key UNIQUE (value);
