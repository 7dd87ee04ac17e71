\ir ../shop.sql
COMMENT ON TYPE mood IS 'feelings'; COMMENT ON DOMAIN posint IS 'positive'; COMMENT ON TYPE address IS 'where';
