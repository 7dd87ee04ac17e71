\ir ../shop.sql
ALTER TABLE orders DROP COLUMN total; ALTER TABLE orders ADD COLUMN total numeric GENERATED ALWAYS AS (qty * price * 2) STORED;
