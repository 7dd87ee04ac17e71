\ir ../shop.sql
CREATE TABLE a_parent (id int PRIMARY KEY);
CREATE TABLE z_child (id int PRIMARY KEY, parent int REFERENCES a_parent (id));
