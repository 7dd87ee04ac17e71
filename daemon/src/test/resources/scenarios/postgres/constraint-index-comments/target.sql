\ir ../shop.sql
COMMENT ON INDEX customers_pkey IS 'older words';
COMMENT ON INDEX orders_pkey IS 'a comment golden does not have';
