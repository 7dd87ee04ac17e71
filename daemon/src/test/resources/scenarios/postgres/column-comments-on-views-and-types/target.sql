\ir ../shop.sql
COMMENT ON COLUMN customer_orders.email IS 'older words';
COMMENT ON COLUMN customer_orders.qty IS 'a comment golden does not have';
CREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, sum(qty) AS n FROM orders GROUP BY customer_id;
