source ../shop.sql
CREATE TABLE xa (id int PRIMARY KEY, b_id int);
CREATE TABLE xb (id int PRIMARY KEY, a_id int, CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES xa (id));
ALTER TABLE xa ADD CONSTRAINT fk_a_b FOREIGN KEY (b_id) REFERENCES xb (id);
