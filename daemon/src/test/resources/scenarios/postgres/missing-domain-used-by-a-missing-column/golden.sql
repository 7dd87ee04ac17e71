\ir ../shop.sql
CREATE DOMAIN email AS text COLLATE "C" CHECK (VALUE LIKE '%@%'); ALTER TABLE settings ADD COLUMN owner email;
