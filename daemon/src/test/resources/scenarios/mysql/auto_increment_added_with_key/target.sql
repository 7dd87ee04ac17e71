source ../shop.sql
CREATE TABLE seqless (id int NOT NULL, v int, KEY ix_id (id));
