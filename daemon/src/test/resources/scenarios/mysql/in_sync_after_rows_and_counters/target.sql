source ../shop.sql
INSERT INTO tags (label) VALUES ('green'), ('black');
INSERT INTO customers (email) VALUES ('z@x.io');
