source ../shop.sql
ALTER TABLE customers MODIFY name varchar(80) CHARACTER SET latin1 DEFAULT NULL;
