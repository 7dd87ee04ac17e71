\ir ../shop.sql
CREATE VIEW big_orders AS SELECT id, email FROM customer_orders WHERE qty > 10;
