source ../shop.sql
ALTER TABLE customers ADD COLUMN phone varchar(20) NULL AFTER email;
