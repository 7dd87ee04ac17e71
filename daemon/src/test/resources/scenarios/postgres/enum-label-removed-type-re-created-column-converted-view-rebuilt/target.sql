\ir ../shop.sql
CREATE VIEW moods AS SELECT id, mood FROM customers;
UPDATE customers SET mood = 'sad';
