\ir ../shop.sql
CREATE TABLE notes (id int, body text);
CREATE TABLE order_notes (id int, body text, order_id int);
