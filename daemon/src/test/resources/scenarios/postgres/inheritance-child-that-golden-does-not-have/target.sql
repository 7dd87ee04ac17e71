\ir ../shop.sql
CREATE TABLE notes (id int, body text);
CREATE TABLE order_notes (order_id int) INHERITS (notes);
