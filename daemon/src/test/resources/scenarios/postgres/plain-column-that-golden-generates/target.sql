\ir ../shop.sql
ALTER TABLE orders ADD COLUMN doubled integer;
