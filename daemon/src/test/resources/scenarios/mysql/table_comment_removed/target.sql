source ../shop.sql
ALTER TABLE customers COMMENT='';
