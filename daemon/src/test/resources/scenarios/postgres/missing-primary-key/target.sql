\ir ../shop.sql
ALTER TABLE settings DROP CONSTRAINT settings_pkey;
