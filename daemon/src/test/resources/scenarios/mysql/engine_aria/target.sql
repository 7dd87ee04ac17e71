source ../shop.sql
ALTER TABLE settings ENGINE=Aria;
