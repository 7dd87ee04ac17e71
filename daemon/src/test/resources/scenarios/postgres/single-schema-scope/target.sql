\ir ../shop.sql
ALTER TABLE customers ADD COLUMN extra int; DROP INDEX orders_customer_idx;
