\ir ../shop.sql
CREATE VIEW big_orders AS SELECT id, email FROM customer_orders WHERE qty > 10;
DROP VIEW big_orders; DROP VIEW customer_orders;
ALTER TABLE customers ALTER COLUMN email TYPE varchar(200);
CREATE VIEW customer_orders AS
  SELECT c.id, c.email, o.qty FROM customers c JOIN orders o ON o.customer_id = c.id;
CREATE VIEW big_orders AS SELECT id, email FROM customer_orders WHERE qty > 10;
