source ../shop.sql
CREATE OR REPLACE VIEW v_orders AS SELECT o.id, o.status, c.email, o.total FROM orders o JOIN customers c ON c.id = o.customer_id;
