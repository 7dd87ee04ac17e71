\ir ../shop.sql
CREATE TABLE refunds (order_id int, customer_id bigint);
ALTER TABLE refunds ADD CONSTRAINT refunds_order FOREIGN KEY (order_id) REFERENCES orders (id) MATCH FULL ON UPDATE CASCADE DEFERRABLE;
