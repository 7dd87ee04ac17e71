source ../shop.sql
UPDATE customers SET name = '' WHERE name IS NULL;
ALTER TABLE customers MODIFY name varchar(80) NOT NULL DEFAULT '';
