source ../shop.sql
ALTER TABLE settings ADD COLUMN meta json NULL;
