\ir ../shop.sql
CREATE VIEW busy AS SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id;
