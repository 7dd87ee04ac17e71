\ir ../shop.sql
COMMENT ON CONSTRAINT posint_check ON DOMAIN posint IS 'older words';
ALTER DOMAIN posint ADD CONSTRAINT posint_small CHECK (VALUE < 1000);
COMMENT ON CONSTRAINT posint_small ON DOMAIN posint IS 'fits in a million';
CREATE DOMAIN code AS text CONSTRAINT code_length CHECK (length(VALUE) = 3);
COMMENT ON CONSTRAINT code_length ON DOMAIN code IS 'a comment golden does not have';
