\ir ../shop.sql
ALTER TABLE orders ALTER COLUMN note TYPE varchar(500); DROP TRIGGER orders_touch ON orders; CREATE TRIGGER orders_touch AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch();
