source ../shop.sql
ALTER TABLE tags ADD COLUMN color varchar(10) NOT NULL DEFAULT 'none';
