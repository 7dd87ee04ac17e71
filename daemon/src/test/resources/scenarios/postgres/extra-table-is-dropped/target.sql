\ir ../shop.sql
CREATE TABLE scratch (id int PRIMARY KEY, junk text); INSERT INTO scratch VALUES (1, 'x');
