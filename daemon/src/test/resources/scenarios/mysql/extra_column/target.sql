source ../shop.sql
ALTER TABLE customers ADD COLUMN nickname varchar(20);
UPDATE customers SET nickname = 'n';
