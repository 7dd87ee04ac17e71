\ir ../shop.sql
ALTER TABLE orders ALTER COLUMN total DROP EXPRESSION;
