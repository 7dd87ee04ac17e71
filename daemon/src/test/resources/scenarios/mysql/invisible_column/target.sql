source ../shop.sql
ALTER TABLE tags ADD COLUMN hidden_note varchar(10) INVISIBLE;
