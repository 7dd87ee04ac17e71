\ir ../shop.sql
CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql AS $$ SELECT a + b $$;
CREATE FUNCTION add(a int, b int, c int) RETURNS int LANGUAGE sql AS $$ SELECT a + b + c $$;
