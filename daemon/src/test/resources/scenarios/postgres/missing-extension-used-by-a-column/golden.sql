\ir ../shop.sql
CREATE EXTENSION citext; ALTER TABLE customers ADD COLUMN handle citext;
