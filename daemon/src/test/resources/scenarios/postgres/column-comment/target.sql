\ir ../shop.sql
COMMENT ON COLUMN orders.note IS 'free text';
