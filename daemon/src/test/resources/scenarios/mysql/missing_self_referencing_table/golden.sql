source ../shop.sql
CREATE TABLE categories (id int PRIMARY KEY, parent_id int NULL, name varchar(30) NOT NULL, KEY ix_parent (parent_id), CONSTRAINT fk_cat_parent FOREIGN KEY (parent_id) REFERENCES categories (id) ON DELETE SET NULL);
