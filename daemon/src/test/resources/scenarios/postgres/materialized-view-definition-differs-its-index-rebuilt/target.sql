\ir ../shop.sql
CREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;
CREATE UNIQUE INDEX order_totals_pk ON order_totals (customer_id);
DROP MATERIALIZED VIEW order_totals;
CREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, max(total) AS total FROM orders GROUP BY customer_id;
CREATE UNIQUE INDEX order_totals_pk ON order_totals (customer_id);
