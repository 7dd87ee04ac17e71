\ir ../shop.sql
CREATE FUNCTION touch2() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
DROP TRIGGER orders_touch ON orders; CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch2(); DROP FUNCTION touch();
