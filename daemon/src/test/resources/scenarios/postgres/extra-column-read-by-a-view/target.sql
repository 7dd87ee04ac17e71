\ir ../shop.sql
ALTER TABLE customers ADD COLUMN vip boolean; CREATE VIEW vips AS SELECT id FROM customers WHERE vip;
