\ir ../shop.sql
DROP VIEW customer_orders;
ALTER TABLE orders ALTER COLUMN customer_id TYPE integer;
ALTER TABLE customers ALTER COLUMN id TYPE integer;
CREATE VIEW customer_orders AS
  SELECT c.id, c.email, o.qty FROM customers c JOIN orders o ON o.customer_id = c.id;
