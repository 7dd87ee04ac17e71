\ir ../shop.sql
CREATE FUNCTION price_of(o orders) RETURNS numeric LANGUAGE sql AS $$ SELECT o.price $$;
CREATE VIEW priced AS SELECT o.id, price_of(o) AS p FROM orders o;
DROP VIEW priced; DROP FUNCTION price_of(orders);
CREATE FUNCTION price_of(o orders) RETURNS text LANGUAGE sql AS $$ SELECT o.price::text $$;
CREATE VIEW priced AS SELECT o.id, price_of(o) AS p FROM orders o;
