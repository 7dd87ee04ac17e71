\ir ../shop.sql
ALTER TABLE orders ALTER COLUMN note SET DEFAULT 'none';
