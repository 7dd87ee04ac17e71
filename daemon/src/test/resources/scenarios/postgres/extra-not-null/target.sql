\ir ../shop.sql
UPDATE orders SET note = 'n'; ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
