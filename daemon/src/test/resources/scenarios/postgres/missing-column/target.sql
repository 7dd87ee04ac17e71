\ir ../shop.sql
ALTER TABLE orders DROP COLUMN note CASCADE;
