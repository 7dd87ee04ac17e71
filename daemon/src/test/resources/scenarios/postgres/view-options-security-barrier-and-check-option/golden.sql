\ir ../shop.sql
CREATE VIEW cheap AS SELECT * FROM orders WHERE price < 10 WITH LOCAL CHECK OPTION; ALTER VIEW cheap SET (security_barrier = true);
