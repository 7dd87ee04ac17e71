\ir ../shop.sql
CREATE VIEW cheap AS SELECT * FROM orders WHERE price < 10;
