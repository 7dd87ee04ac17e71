source ../shop.sql
ALTER TABLE settings ADD COLUMN scope varchar(10) NOT NULL DEFAULT 'global' FIRST;
