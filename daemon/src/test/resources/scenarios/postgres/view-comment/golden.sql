\ir ../shop.sql
COMMENT ON VIEW customer_orders IS 'joined';
