\ir ../shop.sql
DROP TRIGGER orders_touch ON orders;
