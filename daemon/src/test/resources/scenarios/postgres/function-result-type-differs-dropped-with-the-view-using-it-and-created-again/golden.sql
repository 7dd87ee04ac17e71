\ir ../shop.sql
CREATE FUNCTION price_of(o orders) RETURNS numeric LANGUAGE sql AS $$ SELECT o.price $$;
CREATE VIEW priced AS SELECT o.id, price_of(o) AS p FROM orders o;
