source ../shop.sql
ALTER TABLE customers DROP COLUMN name;
