source ../shop.sql
ALTER TABLE customers CONVERT TO CHARACTER SET latin1;
