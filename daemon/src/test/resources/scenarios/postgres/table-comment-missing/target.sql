\ir ../shop.sql
COMMENT ON TABLE customers IS NULL;
