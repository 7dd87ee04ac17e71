\ir ../shop.sql
COMMENT ON COLUMN customer_orders.email IS 'who bought';
COMMENT ON COLUMN customer_orders.qty IS 'how many';
