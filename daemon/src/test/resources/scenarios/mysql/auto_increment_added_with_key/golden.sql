source ../shop.sql
CREATE TABLE seqless (id int NOT NULL, v int, KEY ix_id (id));
ALTER TABLE seqless MODIFY id int NOT NULL AUTO_INCREMENT;
