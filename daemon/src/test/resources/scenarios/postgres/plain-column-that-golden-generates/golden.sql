\ir ../shop.sql
ALTER TABLE orders ADD COLUMN doubled integer GENERATED ALWAYS AS (qty * 2) STORED;
