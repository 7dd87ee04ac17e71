\ir ../shop.sql
CREATE OR REPLACE VIEW customer_orders AS SELECT c.id, c.email, o.qty FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.qty > 0;
