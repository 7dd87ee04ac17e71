\ir ../shop.sql
COMMENT ON COLUMN customer_orders.email IS 'who bought';
COMMENT ON COLUMN address.zip IS 'postal code';
CREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, sum(qty) AS n FROM orders GROUP BY customer_id;
COMMENT ON COLUMN order_totals.n IS 'items ordered';
