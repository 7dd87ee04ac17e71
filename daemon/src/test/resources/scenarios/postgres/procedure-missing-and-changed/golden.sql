\ir ../shop.sql
CREATE PROCEDURE cleanup() LANGUAGE sql AS $$ DELETE FROM settings WHERE value IS NULL $$;
CREATE PROCEDURE archive(days int) LANGUAGE plpgsql AS $$ BEGIN PERFORM days; END $$;
