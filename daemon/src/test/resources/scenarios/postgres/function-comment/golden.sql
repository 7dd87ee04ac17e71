\ir ../shop.sql
COMMENT ON FUNCTION touch() IS 'fills the note';
