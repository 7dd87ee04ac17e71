\ir ../shop.sql
ALTER TABLE customers ALTER COLUMN mood SET DEFAULT 'happy'; UPDATE customers SET mood = 'happy';
