source ../shop.sql
ALTER TABLE tags MODIFY id int NOT NULL;
