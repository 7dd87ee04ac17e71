source ../shop.sql
ALTER TABLE settings CONVERT TO CHARACTER SET latin1;
