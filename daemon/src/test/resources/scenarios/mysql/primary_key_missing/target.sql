source ../shop.sql
ALTER TABLE settings DROP PRIMARY KEY;
