\ir ../shop.sql
CREATE EXTENSION hstore;
