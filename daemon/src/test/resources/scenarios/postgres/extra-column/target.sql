\ir ../shop.sql
ALTER TABLE customers ADD COLUMN nickname text;
