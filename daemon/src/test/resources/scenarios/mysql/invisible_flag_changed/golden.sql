source ../shop.sql
ALTER TABLE settings ADD COLUMN note varchar(10) NULL;
