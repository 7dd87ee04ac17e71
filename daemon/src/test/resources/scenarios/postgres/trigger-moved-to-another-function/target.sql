\ir ../shop.sql
CREATE FUNCTION touch2() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
