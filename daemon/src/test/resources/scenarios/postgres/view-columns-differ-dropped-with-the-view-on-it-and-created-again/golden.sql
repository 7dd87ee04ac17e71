\ir ../shop.sql
CREATE VIEW top_customers AS SELECT DISTINCT email FROM customer_orders;
