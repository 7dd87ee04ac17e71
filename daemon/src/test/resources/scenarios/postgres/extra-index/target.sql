\ir ../shop.sql
CREATE INDEX orders_note ON orders (note);
