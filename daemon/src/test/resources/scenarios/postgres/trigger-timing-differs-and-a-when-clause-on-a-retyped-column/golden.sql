\ir ../shop.sql
DROP TRIGGER orders_touch ON orders; CREATE TRIGGER orders_touch BEFORE INSERT OR UPDATE ON orders FOR EACH ROW WHEN (NEW.note IS NULL) EXECUTE FUNCTION touch();
