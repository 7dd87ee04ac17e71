source ../shop.sql
ALTER TABLE tags DROP PRIMARY KEY, ADD PRIMARY KEY (id) COMMENT 'tags by id';
