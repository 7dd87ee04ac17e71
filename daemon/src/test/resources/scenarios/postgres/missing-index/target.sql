\ir ../shop.sql
DROP INDEX orders_customer_idx;
