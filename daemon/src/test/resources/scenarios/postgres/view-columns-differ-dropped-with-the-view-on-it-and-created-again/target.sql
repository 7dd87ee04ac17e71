\ir ../shop.sql
CREATE VIEW top_customers AS SELECT DISTINCT email FROM customer_orders;
DROP VIEW top_customers; DROP VIEW customer_orders;
CREATE VIEW customer_orders AS SELECT c.email, c.id FROM customers c;
CREATE VIEW top_customers AS SELECT DISTINCT email FROM customer_orders;
