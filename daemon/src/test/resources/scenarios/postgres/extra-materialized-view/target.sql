\ir ../shop.sql
CREATE MATERIALIZED VIEW cache AS SELECT id FROM customers;
