\ir ../shop.sql
CREATE VIEW quiet AS SELECT id FROM customers;
