\ir ../shop.sql
ALTER TABLE orders DROP CONSTRAINT price_not_negative; ALTER TABLE orders ADD CONSTRAINT price_not_negative CHECK (price > -1);
