source ../shop.sql
ALTER TABLE customers MODIFY email varchar(100) NOT NULL AFTER updated_at;
