\ir ../shop.sql
COMMENT ON CONSTRAINT price_not_negative ON orders IS 'no refunds here';
