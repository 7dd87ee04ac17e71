\ir ../shop.sql
COMMENT ON CONSTRAINT posint_check ON DOMAIN posint IS 'above zero';
ALTER DOMAIN posint ADD CONSTRAINT posint_small CHECK (VALUE < 1000000);
COMMENT ON CONSTRAINT posint_small ON DOMAIN posint IS 'fits in a million';
CREATE DOMAIN grade AS integer CONSTRAINT grade_range CHECK (VALUE BETWEEN 1 AND 6);
COMMENT ON CONSTRAINT grade_range ON DOMAIN grade IS 'German school grades';
CREATE DOMAIN code AS text CONSTRAINT code_length CHECK (length(VALUE) = 3);
