\ir ../shop.sql
CREATE TABLE tickets (id bigint PRIMARY KEY, subject text);
ALTER TABLE tickets ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;
