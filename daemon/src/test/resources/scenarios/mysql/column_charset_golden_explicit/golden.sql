source ../shop.sql
ALTER TABLE settings MODIFY v text CHARACTER SET ascii;
