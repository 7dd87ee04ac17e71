\ir ../shop.sql
CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id));
CREATE TABLE c (id int PRIMARY KEY, b_id int REFERENCES b (id));
