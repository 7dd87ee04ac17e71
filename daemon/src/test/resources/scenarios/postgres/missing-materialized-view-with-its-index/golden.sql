\ir ../shop.sql
CREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id; CREATE UNIQUE INDEX order_totals_pk ON order_totals (customer_id);
