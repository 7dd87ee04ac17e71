\ir ../shop.sql
CREATE VIEW moods AS SELECT id, mood FROM customers;
ALTER TABLE customers ALTER COLUMN mood DROP DEFAULT; DROP VIEW moods;
ALTER TABLE customers ALTER COLUMN mood TYPE text; DROP TYPE mood;
CREATE TYPE mood AS ENUM ('sad', 'happy');
UPDATE customers SET mood = 'happy';
ALTER TABLE customers ALTER COLUMN mood TYPE mood USING mood::mood;
ALTER TABLE customers ALTER COLUMN mood SET DEFAULT 'happy';
CREATE VIEW moods AS SELECT id, mood FROM customers;
