source ../shop.sql
ALTER TABLE customers MODIFY email varchar(200) NOT NULL;
