\ir ../shop.sql
ALTER TABLE customers ALTER COLUMN name TYPE varchar(100) COLLATE "C";
