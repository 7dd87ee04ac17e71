\ir ../shop.sql
CREATE FUNCTION valid_note(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT length(t) < 100 $$;
CREATE FUNCTION default_note() RETURNS text LANGUAGE sql AS $$ SELECT 'hello' $$;
ALTER TABLE orders ADD CONSTRAINT note_ok CHECK (valid_note(note));
ALTER TABLE orders ALTER COLUMN note SET DEFAULT default_note();
