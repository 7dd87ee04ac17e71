\ir ../shop.sql
COMMENT ON INDEX orders_customer_idx IS 'by buyer';
