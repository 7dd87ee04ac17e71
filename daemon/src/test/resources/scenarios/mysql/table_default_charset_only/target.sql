source ../shop.sql
ALTER TABLE tags DEFAULT CHARSET=latin1;
