\ir ../shop.sql
CREATE PROCEDURE cleanup() LANGUAGE sql AS $$ DELETE FROM settings WHERE value IS NULL $$;
CREATE OR REPLACE PROCEDURE cleanup() LANGUAGE sql AS $$ DELETE FROM settings $$;
