\ir ../shop.sql
COMMENT ON SEQUENCE order_no IS 'numbers';
