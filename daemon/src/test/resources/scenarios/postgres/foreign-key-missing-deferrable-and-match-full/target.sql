\ir ../shop.sql
CREATE TABLE refunds (order_id int, customer_id bigint);
