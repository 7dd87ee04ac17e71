source ../shop.sql
ALTER TABLE customers MODIFY name varchar(80) DEFAULT NULL AFTER created_at;
