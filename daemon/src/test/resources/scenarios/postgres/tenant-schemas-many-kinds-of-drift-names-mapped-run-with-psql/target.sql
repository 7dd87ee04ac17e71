\ir ../shop.sql
ALTER TABLE customers ALTER COLUMN name TYPE varchar(20);
DROP INDEX customers_lower_email; CREATE INDEX customers_extra ON customers (name);
DROP TRIGGER orders_touch ON orders;
ALTER DOMAIN posint DROP CONSTRAINT posint_check;
ALTER TYPE mood ADD VALUE 'angry';
COMMENT ON TABLE customers IS NULL;
