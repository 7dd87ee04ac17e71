\ir ../shop.sql
COMMENT ON COLUMN orders.qty IS 'how many';
