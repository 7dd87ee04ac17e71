\ir ../shop.sql
ALTER TABLE settings SET UNLOGGED;
